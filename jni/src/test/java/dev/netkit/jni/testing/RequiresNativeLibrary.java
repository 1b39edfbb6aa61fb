package dev.netkit.jni.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class or method only when netkit's native library is available;
 * otherwise JUnit skips it and reports why (see {@link NativeLibraryCondition}). Shipped in
 * netkit-jni's test-jar for the modules that use the library.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(NativeLibraryCondition.class)
public @interface RequiresNativeLibrary {
}
