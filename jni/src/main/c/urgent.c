/*
 * TCP urgent data (RFC 9293 section 3.8.5; "Network Programming with Perl", chapter 17):
 * send and receive one byte with MSG_OOB, sockatmark(3), and the SO_OOBINLINE option.
 */
#include <sys/socket.h>

#include "netkit.h"

/* MSG_NOSIGNAL: a closed peer yields EPIPE, never a SIGPIPE for the whole JVM. */
JNIEXPORT jint JNICALL
Java_dev_netkit_jni_internal_Natives_sendUrgent0(JNIEnv *env, jclass cls, jint fd, jbyte data) {
  (void) env;
  (void) cls;
  ssize_t sent;
  NK_RESTARTABLE(sent, send(fd, &data, 1, MSG_OOB | MSG_NOSIGNAL));
  return NK_RESULT(sent);
}

/*
 * Never blocks: urgent data that was announced but has not arrived yet is EWOULDBLOCK (the book's
 * caveat 3); EINVAL means none is pending, it was read already, or SO_OOBINLINE is on; 0 means
 * the connection ended before the announced byte came.
 */
JNIEXPORT jint JNICALL
Java_dev_netkit_jni_internal_Natives_receiveUrgent0(JNIEnv *env, jclass cls, jint fd,
                                                    jbyteArray one) {
  (void) cls;
  jbyte data;
  ssize_t received;
  NK_RESTARTABLE(received, recv(fd, &data, 1, MSG_OOB | MSG_DONTWAIT));
  if (received == 1) {
    (*env)->SetByteArrayRegion(env, one, 0, 1, &data);
  }
  return NK_RESULT(received);
}

JNIEXPORT jint JNICALL
Java_dev_netkit_jni_internal_Natives_atMark0(JNIEnv *env, jclass cls, jint fd) {
  (void) env;
  (void) cls;
  int result;
  NK_RESTARTABLE(result, sockatmark(fd));
  return NK_RESULT(result);
}

JNIEXPORT jint JNICALL
Java_dev_netkit_jni_internal_Natives_getOobInline0(JNIEnv *env, jclass cls, jint fd) {
  (void) env;
  (void) cls;
  int value = 0;
  socklen_t length = sizeof value;
  int result = getsockopt(fd, SOL_SOCKET, SO_OOBINLINE, &value, &length);
  return result < 0 ? -errno : (value != 0);
}

JNIEXPORT jint JNICALL
Java_dev_netkit_jni_internal_Natives_setOobInline0(JNIEnv *env, jclass cls, jint fd, jboolean on) {
  (void) env;
  (void) cls;
  int value = on ? 1 : 0;
  int result = setsockopt(fd, SOL_SOCKET, SO_OOBINLINE, &value, sizeof value);
  return NK_RESULT(result);
}
