/**
 * The sample text that netkit ships (a public-domain novel) for the travesty tour and tests.
 */
module dev.netkit.corpus {
  exports dev.netkit.corpus;
}
