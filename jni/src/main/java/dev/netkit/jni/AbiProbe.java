package dev.netkit.jni;

/**
 * The loader's probe of {@code libnetkit.so} ({@code library.c}): the one native of this package,
 * kept beside the loader so that {@code dev.netkit.jni} needs nothing from
 * {@code dev.netkit.jni.internal} (which needs this package, for {@link NativeLibrary} and the
 * exception types). Every other native is in {@code dev.netkit.jni.internal.Natives}.
 */
final class AbiProbe {

  /**
   * Version of the Java/C contract; library.c returns the value it was compiled with (it reaches
   * C through the header {@code javac -h} writes, {@code dev_netkit_jni_AbiProbe.h}).
   */
  static final int ABI_VERSION = 1;

  private AbiProbe() {
  }

  private static native int abiVersion0();

  /**
   * Side-effect-free probe that {@link NativeLibrary} makes right after loading.
   *
   * @return the ABI version the library was compiled with
   * @throws UnsatisfiedLinkError when the library is absent
   */
  static int abiVersion() {
    return abiVersion0();
  }
}
