/* errno values and texts for the Java side's errno-to-exception mapping (Errors.java). */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>

#include "netkit.h"

JNIEXPORT jintArray JNICALL Java_dev_netkit_jni_Natives_errnoConstants0(JNIEnv *env, jclass cls) {
  (void) cls;
  jint values[dev_netkit_jni_Natives_ERRNO_COUNT];
  values[dev_netkit_jni_Natives_ERRNO_EAGAIN_INDEX] = EAGAIN;
  values[dev_netkit_jni_Natives_ERRNO_EWOULDBLOCK_INDEX] = EWOULDBLOCK;
  values[dev_netkit_jni_Natives_ERRNO_EINVAL_INDEX] = EINVAL;
  values[dev_netkit_jni_Natives_ERRNO_EBADF_INDEX] = EBADF;
  values[dev_netkit_jni_Natives_ERRNO_ENOTSOCK_INDEX] = ENOTSOCK;
  values[dev_netkit_jni_Natives_ERRNO_EPIPE_INDEX] = EPIPE;
  values[dev_netkit_jni_Natives_ERRNO_ECONNRESET_INDEX] = ECONNRESET;
  values[dev_netkit_jni_Natives_ERRNO_ENOTCONN_INDEX] = ENOTCONN;
  values[dev_netkit_jni_Natives_ERRNO_ECONNREFUSED_INDEX] = ECONNREFUSED;
  values[dev_netkit_jni_Natives_ERRNO_EADDRINUSE_INDEX] = EADDRINUSE;
  values[dev_netkit_jni_Natives_ERRNO_EADDRNOTAVAIL_INDEX] = EADDRNOTAVAIL;
  values[dev_netkit_jni_Natives_ERRNO_EOPNOTSUPP_INDEX] = EOPNOTSUPP;
  jintArray array = (*env)->NewIntArray(env, dev_netkit_jni_Natives_ERRNO_COUNT);
  if (array != NULL) {
    (*env)->SetIntArrayRegion(env, array, 0, dev_netkit_jni_Natives_ERRNO_COUNT, values);
  }
  return array;
}

/* "Bad file descriptor (EBADF)"; strerrorname_np exists from glibc 2.32 on. */
JNIEXPORT jstring JNICALL Java_dev_netkit_jni_Natives_errorMessage0(JNIEnv *env, jclass cls,
                                                                    jint errnum) {
  (void) cls;
  char text[256];
  char message[320];
  const char *description = strerror_r(errnum, text, sizeof text);
  const char *name = NULL;
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 32))
  name = strerrorname_np(errnum);
#endif
  if (name != NULL) {
    snprintf(message, sizeof message, "%s (%s)", description, name);
  } else {
    snprintf(message, sizeof message, "%s (errno %d)", description, (int) errnum);
  }
  return (*env)->NewStringUTF(env, message);
}
