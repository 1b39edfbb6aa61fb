package dev.netkit.example.forbidden;

import dev.netkit.jni.internal.SocketDescriptors;

/** Must not compile on the module path: {@code dev.netkit.jni.internal} is netkit's own. */
public final class Forbidden {

  private Forbidden() {
  }

  /**
   * Would duplicate a descriptor behind netkit's back.
   *
   * @return a descriptor
   * @throws java.io.IOException never: this class does not compile
   */
  public static int reach() throws java.io.IOException {
    return SocketDescriptors.duplicate(0);
  }
}
