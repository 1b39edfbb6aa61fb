/**
 * Plain JUnit 5 helpers shared by netkit's own tests, such as
 * {@link dev.netkit.testsupport.CloseAfterEach}, which closes what a test opened, and
 * {@link dev.netkit.testsupport.PerlTextWrap}, Perl's {@code Text::Wrap} as the reference for
 * netkit's text layout. Modules take this at test scope only; no main code depends on it. Test
 * hosts in network namespaces are in {@code dev.netkit.netns} (module {@code netkit-netns}).
 */
package dev.netkit.testsupport;
