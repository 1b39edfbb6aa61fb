/*
 * Descriptors of JDK sockets and channels, and duplicating and closing descriptors.
 *
 * The JDK does not publish the descriptor of a Socket or SocketChannel. jdk_descriptor() below is
 * the only code of netkit that reads the JDK's private fields for it (JNI is not subject to module
 * encapsulation). The fields are looked up once at load time; if a JDK lacks one, lookups report
 * DESCRIPTOR_UNSUPPORTED_JDK instead of failing the load. Objects of other classes (a custom
 * SocketImpl, another SelectorProvider's channel) are reported as DESCRIPTOR_FOREIGN, closed or
 * unconnected ones as DESCRIPTOR_NONE: reading fields never touches the descriptor, so nothing
 * here can crash on a closed or foreign object.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <unistd.h>

#include "netkit.h"

static jclass socket_class;          /* java.net.Socket */
static jclass server_socket_class;   /* java.net.ServerSocket */
static jclass delegating_impl_class; /* java.net.DelegatingSocketImpl (SOCKS/HTTP wrappers) */
static jclass platform_impl_class;   /* sun.net.PlatformSocketImpl (NioSocketImpl) */
static jclass sel_ch_impl_class;     /* sun.nio.ch.SelChImpl (the JDK's channels) */
static jfieldID socket_impl_field;        /* Socket.impl */
static jfieldID server_socket_impl_field; /* ServerSocket.impl */
static jfieldID delegate_field;           /* DelegatingSocketImpl.delegate */
static jfieldID impl_fd_field;            /* SocketImpl.fd */
static jfieldID fd_field;                 /* FileDescriptor.fd */
static jmethodID get_fd_method;           /* SelChImpl.getFD() */

static jclass global_class(JNIEnv *env, const char *name) {
  jclass local = (*env)->FindClass(env, name);
  if (local == NULL) {
    (*env)->ExceptionClear(env);
    return NULL;
  }
  jclass global = (*env)->NewGlobalRef(env, local);
  (*env)->DeleteLocalRef(env, local);
  return global;
}

static jfieldID field_id(JNIEnv *env, jclass cls, const char *name, const char *signature) {
  if (cls == NULL) {
    return NULL;
  }
  jfieldID id = (*env)->GetFieldID(env, cls, name, signature);
  if (id == NULL) {
    (*env)->ExceptionClear(env);
  }
  return id;
}

void nk_descriptor_onload(JNIEnv *env) {
  socket_class = global_class(env, "java/net/Socket");
  server_socket_class = global_class(env, "java/net/ServerSocket");
  delegating_impl_class = global_class(env, "java/net/DelegatingSocketImpl");
  platform_impl_class = global_class(env, "sun/net/PlatformSocketImpl");
  sel_ch_impl_class = global_class(env, "sun/nio/ch/SelChImpl");
  jclass socket_impl_class = global_class(env, "java/net/SocketImpl");
  jclass file_descriptor_class = global_class(env, "java/io/FileDescriptor");

  socket_impl_field = field_id(env, socket_class, "impl", "Ljava/net/SocketImpl;");
  server_socket_impl_field = field_id(env, server_socket_class, "impl", "Ljava/net/SocketImpl;");
  delegate_field = field_id(env, delegating_impl_class, "delegate", "Ljava/net/SocketImpl;");
  impl_fd_field = field_id(env, socket_impl_class, "fd", "Ljava/io/FileDescriptor;");
  fd_field = field_id(env, file_descriptor_class, "fd", "I");
  if (sel_ch_impl_class != NULL) {
    get_fd_method = (*env)->GetMethodID(env, sel_ch_impl_class, "getFD",
                                        "()Ljava/io/FileDescriptor;");
    if (get_fd_method == NULL) {
      (*env)->ExceptionClear(env);
    }
  }
  if (socket_impl_class != NULL) {
    (*env)->DeleteGlobalRef(env, socket_impl_class);
  }
  if (file_descriptor_class != NULL) {
    (*env)->DeleteGlobalRef(env, file_descriptor_class);
  }
}

void nk_descriptor_onunload(JNIEnv *env) {
  jclass *classes[] = {&socket_class, &server_socket_class, &delegating_impl_class,
                       &platform_impl_class, &sel_ch_impl_class};
  for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++) {
    if (*classes[i] != NULL) {
      (*env)->DeleteGlobalRef(env, *classes[i]);
      *classes[i] = NULL;
    }
  }
}

/*
 * The descriptor of a java.net.Socket or ServerSocket (Socket.impl, unwrapping a SOCKS/HTTP
 * DelegatingSocketImpl, must be the JDK's PlatformSocketImpl; then SocketImpl.fd) or of a JDK
 * SocketChannel or ServerSocketChannel (SelChImpl.getFD(), a plain getter), then
 * FileDescriptor.fd. Returns the descriptor or a DESCRIPTOR_* code; a Java exception can only be
 * pending after a JNI failure such as OutOfMemoryError, and then the result does not matter.
 */
static jint jdk_descriptor(JNIEnv *env, jobject object) {
  if (fd_field == NULL || impl_fd_field == NULL) {
    return dev_netkit_jni_internal_Natives_DESCRIPTOR_UNSUPPORTED_JDK;
  }
  jobject descriptor;
  jboolean is_socket = socket_class != NULL && (*env)->IsInstanceOf(env, object, socket_class);
  jboolean is_server = server_socket_class != NULL
      && (*env)->IsInstanceOf(env, object, server_socket_class);
  if (is_socket || is_server) {
    jfieldID impl_field = is_socket ? socket_impl_field : server_socket_impl_field;
    if (impl_field == NULL || platform_impl_class == NULL) {
      return dev_netkit_jni_internal_Natives_DESCRIPTOR_UNSUPPORTED_JDK;
    }
    jobject impl = (*env)->GetObjectField(env, object, impl_field);
    if (impl != NULL && delegating_impl_class != NULL && delegate_field != NULL
        && (*env)->IsInstanceOf(env, impl, delegating_impl_class)) {
      impl = (*env)->GetObjectField(env, impl, delegate_field);
    }
    if (impl == NULL) {
      return dev_netkit_jni_internal_Natives_DESCRIPTOR_NONE;
    }
    if (!(*env)->IsInstanceOf(env, impl, platform_impl_class)) {
      return dev_netkit_jni_internal_Natives_DESCRIPTOR_FOREIGN;
    }
    descriptor = (*env)->GetObjectField(env, impl, impl_fd_field);
  } else if (sel_ch_impl_class != NULL && get_fd_method != NULL
             && (*env)->IsInstanceOf(env, object, sel_ch_impl_class)) {
    descriptor = (*env)->CallObjectMethod(env, object, get_fd_method);
    if ((*env)->ExceptionCheck(env)) {
      return dev_netkit_jni_internal_Natives_DESCRIPTOR_NONE;
    }
  } else if (sel_ch_impl_class == NULL || get_fd_method == NULL) {
    return dev_netkit_jni_internal_Natives_DESCRIPTOR_UNSUPPORTED_JDK;
  } else {
    return dev_netkit_jni_internal_Natives_DESCRIPTOR_FOREIGN;
  }
  if (descriptor == NULL) {
    return dev_netkit_jni_internal_Natives_DESCRIPTOR_NONE;
  }
  jint fd = (*env)->GetIntField(env, descriptor, fd_field);
  return fd < 0 ? dev_netkit_jni_internal_Natives_DESCRIPTOR_NONE : fd;
}

JNIEXPORT jint JNICALL
Java_dev_netkit_jni_internal_Natives_descriptorOf0(JNIEnv *env, jclass cls, jobject object) {
  (void) cls;
  if (object == NULL) {
    return dev_netkit_jni_internal_Natives_DESCRIPTOR_FOREIGN;
  }
  return jdk_descriptor(env, object);
}

/* A close-on-exec duplicate, so a watcher keeps the socket even if its descriptor is reused. */
JNIEXPORT jint JNICALL
Java_dev_netkit_jni_internal_Natives_duplicate0(JNIEnv *env, jclass cls, jint fd) {
  (void) env;
  (void) cls;
  int result = fcntl(fd, F_DUPFD_CLOEXEC, 0);
  return NK_RESULT(result);
}

/* Not retried on EINTR: on Linux the descriptor is released even then (close(2)). */
JNIEXPORT jint JNICALL
Java_dev_netkit_jni_internal_Natives_close0(JNIEnv *env, jclass cls, jint fd) {
  (void) env;
  (void) cls;
  int result = close(fd);
  return NK_RESULT(result);
}
