/**
 * Test fixtures shared by netkit's modules: throw-away network namespaces
 * ({@link dev.netkit.testsupport.NetworkNamespace}) with veth links between them
 * ({@link dev.netkit.testsupport.VethLink}), nftables rules, commands and child JVMs run inside
 * them ({@link dev.netkit.testsupport.CapturedProcess}), and
 * {@link dev.netkit.testsupport.RequiresNetworkNamespaces}, which skips a test with a reason where
 * namespaces are impossible (not root, no {@code ip}, no {@code nft}), and
 * {@link dev.netkit.testsupport.CloseAfterEach}, which closes what a test opened.
 *
 * <p>Only {@link dev.netkit.testsupport.RequiresNetworkNamespaces} and
 * {@link dev.netkit.testsupport.NetworkNamespaceCondition} need JUnit (an optional dependency);
 * the fixtures and {@link dev.netkit.testsupport.NamespaceSupport} do not, so {@code ./netkit tour}
 * uses them too.
 *
 * <p>Network safety: the test JVM itself stays in the root namespace. Traffic to namespace
 * addresses is sent from inside namespaces (by child JVMs), and veth links only ever join two
 * namespaces made by the test, so no datagram reaches a real interface.
 */
package dev.netkit.testsupport;
