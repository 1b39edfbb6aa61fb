package dev.netkit.jni;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netkit.jni.internal.PollWaker;
import dev.netkit.jni.testing.RequiresNativeLibrary;
import java.io.Closeable;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/**
 * Two copies of netkit-jni in one JVM (two applications in one container, or two netkit
 * versions): each class loader loads the library from its own extracted copy, since the JVM
 * refuses to load one library file in two class loaders.
 */
@RequiresNativeLibrary
class ClassLoaderIsolationIT {

  @Test
  void twoClassLoadersEachLoadAndUseTheLibrary() throws Exception {
    URL jni = NativeLibrary.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader first = new NetkitFirstLoader("netkit-first", jni);
        URLClassLoader second = new NetkitFirstLoader("netkit-second", jni)) {
      Class<?> firstLibrary = useLibrary(first);
      Class<?> secondLibrary = useLibrary(second);

      assertThat(firstLibrary).isNotSameAs(secondLibrary).isNotSameAs(NativeLibrary.class);
    }
    assertThat(NativeLibrary.isAvailable()).isTrue();
  }

  /** Loads the library through {@code loader}'s own classes and makes native calls with it. */
  private static Class<?> useLibrary(ClassLoader loader) throws Exception {
    Class<?> library = Class.forName(NativeLibrary.class.getName(), true, loader);
    assertThat(library.getClassLoader()).isSameAs(loader);
    assertThat(library.getMethod("unavailabilityCause").invoke(null)).isNull();
    Class<?> wakerClass = Class.forName(PollWaker.class.getName(), true, loader);
    try (Closeable waker = (Closeable) wakerClass.getConstructor().newInstance()) {
      wakerClass.getMethod("wake").invoke(waker);
      wakerClass.getMethod("clear").invoke(waker);
    }
    return library;
  }

  /** Child-first for netkit-jni's classes and libraries; SLF4J and the JDK from the parent. */
  private static final class NetkitFirstLoader extends URLClassLoader {

    NetkitFirstLoader(String name, URL jni) {
      super(name, new URL[] {jni}, ClassLoaderIsolationIT.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith("dev.netkit.jni.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded == null) {
          loaded = findClass(name);
        }
        if (resolve) {
          resolveClass(loaded);
        }
        return loaded;
      }
    }

    @Override
    public URL getResource(String name) {
      URL own = name.startsWith("META-INF/native/") ? findResource(name) : null;
      return own != null ? own : super.getResource(name);
    }
  }
}
