/**
 * Network namespaces as test hosts for netkit's own tests (a test fixture, not published for
 * applications): {@code ip netns}, veth pairs and a JUnit extension.
 */
module dev.netkit.netns {
  requires java.management;
  requires static transitive org.junit.jupiter.api;
  requires static org.junit.platform.commons;

  exports dev.netkit.netns;
}
