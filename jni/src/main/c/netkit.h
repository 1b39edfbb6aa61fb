/*
 * Internal declarations shared by the C files of libnetkit. Each file holds one concern; all of
 * its functions are static except its JNI entry points (Java_dev_netkit_jni_internal_Natives_*;
 * library.c: JNI_OnLoad and Java_dev_netkit_jni_AbiProbe_abiVersion0) and, for files that cache
 * JNI ids at load time, one nk_<concern>_onload hook called by library.c. The library is
 * compiled with -fvisibility=hidden, so only JNIEXPORT functions are exported.
 */
#ifndef NETKIT_H
#define NETKIT_H

#include <errno.h>
#include <jni.h>

#include "dev_netkit_jni_internal_Natives.h"

/* Runs a system call again while it fails with EINTR (a signal arrived); keeps its result. */
#define NK_RESTARTABLE(result, call) \
  do { \
    (result) = (call); \
  } while ((result) == -1 && errno == EINTR)

/* The JNI result of a system call that returns -1 and sets errno on failure. */
#define NK_RESULT(result) ((result) < 0 ? -errno : (jint) (result))

/*
 * Returned by a native after a JNI call (Get/Set<Type>ArrayRegion, ...) left a Java exception
 * pending: Java throws that exception and never sees this value. Natives check for the exception
 * right after each such call and stop before they use the buffer.
 */
#define NK_JAVA_EXCEPTION (-EFAULT)

/* descriptor.c: caches the classes and field ids of the JDK's socket classes. */
void nk_descriptor_onload(JNIEnv *env);
void nk_descriptor_onunload(JNIEnv *env);

#endif
