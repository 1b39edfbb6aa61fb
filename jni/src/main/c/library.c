/* Library life cycle: load-time caches of every concern, and the loader's probe. */
#include "netkit.h"
#include "dev_netkit_jni_AbiProbe.h"

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved) {
  (void) reserved;
  JNIEnv *env;
  if ((*vm)->GetEnv(vm, (void **) &env, JNI_VERSION_1_8) != JNI_OK) {
    return JNI_ERR;
  }
  nk_descriptor_onload(env);
  return JNI_VERSION_1_8;
}

JNIEXPORT void JNICALL JNI_OnUnload(JavaVM *vm, void *reserved) {
  (void) reserved;
  JNIEnv *env;
  if ((*vm)->GetEnv(vm, (void **) &env, JNI_VERSION_1_8) == JNI_OK) {
    nk_descriptor_onunload(env);
  }
}

JNIEXPORT jint JNICALL
Java_dev_netkit_jni_AbiProbe_abiVersion0(JNIEnv *env, jclass cls) {
  (void) env;
  (void) cls;
  return dev_netkit_jni_AbiProbe_ABI_VERSION;
}
