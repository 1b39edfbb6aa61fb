package dev.netkit.netns;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class or method only where {@link ForgedDatagrams} can send: root (a
 * raw socket) and {@code python3} on the PATH. Elsewhere the test is skipped with the reason
 * {@link ForgedDatagrams#unavailabilityReason()} gives, e.g. {@code forging datagrams needs a raw
 * socket, so root (uid 1000)}. The same idiom as {@link RequiresNetworkNamespaces}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(ForgedDatagramsCondition.class)
public @interface RequiresForgedDatagrams {
}
