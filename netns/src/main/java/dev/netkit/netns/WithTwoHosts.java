package dev.netkit.netns;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the annotated test class or method {@link TwoHosts}: each test (or {@code @BeforeEach}
 * method) that declares a {@code TwoHosts} parameter gets a fresh pair, deleted after the test,
 * also when it fails. Where namespaces cannot be made (not Linux, not root, no {@code ip},
 * {@code ip netns add} failing, or no {@code nft} when {@link #nftables()} is set) the tests are
 * skipped with the reason, e.g. {@code network namespaces need root (uid 1000)}.
 *
 * <p>The same as {@code @ExtendWith(TwoHostsExtension.class)}, plus the choice of nftables.
 *
 * <pre>{@code
 * @WithTwoHosts
 * class EchoAcrossHostsIT {
 *   @Test
 *   void theServerOnHostBAnswersHostA(TwoHosts hosts) throws Exception { ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(TwoHostsExtension.class)
public @interface WithTwoHosts {

  /**
   * Whether the test also needs nftables ({@link NetworkNamespace#applyNftables(String)}); set on
   * the class or on a method.
   *
   * @return true to skip where {@code nft} is missing
   */
  boolean nftables() default false;
}
