package dev.netkit.netns;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class or method only where {@link NetworkNamespace} works: Linux, root,
 * iproute2 installed and {@code ip netns add} succeeding (probed once per JVM), and
 * {@code nft} installed when {@link #nftables()} is set. Elsewhere the test is skipped with a
 * reason that says what is missing, e.g. {@code network namespaces need root (uid 1000)}.
 *
 * <p>For tests that make their own namespaces; a test that wants two hosts joined by veth uses
 * {@link WithTwoHosts}, which skips the same way and also makes the hosts.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(NetworkNamespaceCondition.class)
public @interface RequiresNetworkNamespaces {

  /**
   * Whether the test also needs nftables ({@link NetworkNamespace#applyNftables(String)}).
   *
   * @return true to skip where {@code nft} is missing
   */
  boolean nftables() default false;
}
