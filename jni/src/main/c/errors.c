/* errno values and texts for the Java side's errno-to-exception mapping (Errors.java). */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "netkit.h"

JNIEXPORT jintArray JNICALL
Java_dev_netkit_jni_internal_Natives_errnoConstants0(JNIEnv *env, jclass cls) {
  (void) cls;
  jint values[dev_netkit_jni_internal_Natives_ERRNO_COUNT];
  values[dev_netkit_jni_internal_Natives_ERRNO_EAGAIN_INDEX] = EAGAIN;
  values[dev_netkit_jni_internal_Natives_ERRNO_EWOULDBLOCK_INDEX] = EWOULDBLOCK;
  values[dev_netkit_jni_internal_Natives_ERRNO_EINVAL_INDEX] = EINVAL;
  values[dev_netkit_jni_internal_Natives_ERRNO_EBADF_INDEX] = EBADF;
  values[dev_netkit_jni_internal_Natives_ERRNO_ENOTSOCK_INDEX] = ENOTSOCK;
  values[dev_netkit_jni_internal_Natives_ERRNO_EPIPE_INDEX] = EPIPE;
  values[dev_netkit_jni_internal_Natives_ERRNO_ECONNRESET_INDEX] = ECONNRESET;
  values[dev_netkit_jni_internal_Natives_ERRNO_ENOTCONN_INDEX] = ENOTCONN;
  values[dev_netkit_jni_internal_Natives_ERRNO_ECONNREFUSED_INDEX] = ECONNREFUSED;
  values[dev_netkit_jni_internal_Natives_ERRNO_EADDRINUSE_INDEX] = EADDRINUSE;
  values[dev_netkit_jni_internal_Natives_ERRNO_EADDRNOTAVAIL_INDEX] = EADDRNOTAVAIL;
  values[dev_netkit_jni_internal_Natives_ERRNO_EOPNOTSUPP_INDEX] = EOPNOTSUPP;
  jintArray array = (*env)->NewIntArray(env, dev_netkit_jni_internal_Natives_ERRNO_COUNT);
  if (array != NULL) {
    (*env)->SetIntArrayRegion(env, array, 0, dev_netkit_jni_internal_Natives_ERRNO_COUNT, values);
  }
  return array;
}

/*
 * Symbolic errno names. glibc has strerrorname_np only from 2.32 on, and netkit's library must
 * load on glibc 2.17 (see the pom's glibc check), so the names are kept here: the errors a socket,
 * file or memory call can report. Aliases (EWOULDBLOCK, ENOTSUP, EDEADLOCK) share a value with
 * the name listed, which wins.
 */
#define NK_ERRNO(name) {name, #name}
static const struct {
  int value;
  const char *name;
} errno_names[] = {
    NK_ERRNO(EPERM),        NK_ERRNO(ENOENT),          NK_ERRNO(ESRCH),
    NK_ERRNO(EINTR),        NK_ERRNO(EIO),             NK_ERRNO(ENXIO),
    NK_ERRNO(E2BIG),        NK_ERRNO(ENOEXEC),         NK_ERRNO(EBADF),
    NK_ERRNO(ECHILD),       NK_ERRNO(EAGAIN),          NK_ERRNO(ENOMEM),
    NK_ERRNO(EACCES),       NK_ERRNO(EFAULT),          NK_ERRNO(EBUSY),
    NK_ERRNO(EEXIST),       NK_ERRNO(EXDEV),           NK_ERRNO(ENODEV),
    NK_ERRNO(ENOTDIR),      NK_ERRNO(EISDIR),          NK_ERRNO(EINVAL),
    NK_ERRNO(ENFILE),       NK_ERRNO(EMFILE),          NK_ERRNO(ENOTTY),
    NK_ERRNO(ETXTBSY),      NK_ERRNO(EFBIG),           NK_ERRNO(ENOSPC),
    NK_ERRNO(ESPIPE),       NK_ERRNO(EROFS),           NK_ERRNO(EMLINK),
    NK_ERRNO(EPIPE),        NK_ERRNO(EDOM),            NK_ERRNO(ERANGE),
    NK_ERRNO(EDEADLK),      NK_ERRNO(ENAMETOOLONG),    NK_ERRNO(ENOLCK),
    NK_ERRNO(ENOSYS),       NK_ERRNO(ENOTEMPTY),       NK_ERRNO(ELOOP),
    NK_ERRNO(ENOMSG),       NK_ERRNO(EIDRM),           NK_ERRNO(ENOSTR),
    NK_ERRNO(ENODATA),      NK_ERRNO(ETIME),           NK_ERRNO(ENOSR),
    NK_ERRNO(ENOLINK),      NK_ERRNO(EPROTO),          NK_ERRNO(EBADMSG),
    NK_ERRNO(EOVERFLOW),    NK_ERRNO(EILSEQ),          NK_ERRNO(EUSERS),
    NK_ERRNO(ENOTSOCK),     NK_ERRNO(EDESTADDRREQ),    NK_ERRNO(EMSGSIZE),
    NK_ERRNO(EPROTOTYPE),   NK_ERRNO(ENOPROTOOPT),     NK_ERRNO(EPROTONOSUPPORT),
    NK_ERRNO(ESOCKTNOSUPPORT), NK_ERRNO(EOPNOTSUPP),   NK_ERRNO(EPFNOSUPPORT),
    NK_ERRNO(EAFNOSUPPORT), NK_ERRNO(EADDRINUSE),      NK_ERRNO(EADDRNOTAVAIL),
    NK_ERRNO(ENETDOWN),     NK_ERRNO(ENETUNREACH),     NK_ERRNO(ENETRESET),
    NK_ERRNO(ECONNABORTED), NK_ERRNO(ECONNRESET),      NK_ERRNO(ENOBUFS),
    NK_ERRNO(EISCONN),      NK_ERRNO(ENOTCONN),        NK_ERRNO(ESHUTDOWN),
    NK_ERRNO(ETOOMANYREFS), NK_ERRNO(ETIMEDOUT),       NK_ERRNO(ECONNREFUSED),
    NK_ERRNO(EHOSTDOWN),    NK_ERRNO(EHOSTUNREACH),    NK_ERRNO(EALREADY),
    NK_ERRNO(EINPROGRESS),  NK_ERRNO(ESTALE),          NK_ERRNO(EDQUOT),
    NK_ERRNO(ECANCELED),    NK_ERRNO(EOWNERDEAD),      NK_ERRNO(ENOTRECOVERABLE),
};
#undef NK_ERRNO

static const char *errno_name(int errnum) {
  for (size_t i = 0; i < sizeof errno_names / sizeof errno_names[0]; i++) {
    if (errno_names[i].value == errnum) {
      return errno_names[i].name;
    }
  }
  return NULL;
}

/* "Bad file descriptor (EBADF)", or "... (errno 200)" for a value the table lacks. */
JNIEXPORT jstring JNICALL
Java_dev_netkit_jni_internal_Natives_errorMessage0(JNIEnv *env, jclass cls, jint errnum) {
  (void) cls;
  char text[256];
  char message[320];
  const char *description = strerror_r(errnum, text, sizeof text);
  const char *name = errno_name(errnum);
  if (name != NULL) {
    snprintf(message, sizeof message, "%s (%s)", description, name);
  } else {
    snprintf(message, sizeof message, "%s (errno %d)", description, (int) errnum);
  }
  return (*env)->NewStringUTF(env, message);
}
