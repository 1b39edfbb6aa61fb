/**
 * JUnit helpers of netkit's own tests (a test fixture, not published for applications).
 */
module dev.netkit.testsupport {
  requires transitive org.junit.jupiter.api;

  exports dev.netkit.testsupport;
}
