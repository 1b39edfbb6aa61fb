/*
 * poll(2) on one socket, optionally together with an eventfd(2) that another thread signals to
 * wake the poller (a watcher's close()).
 */
#define _GNU_SOURCE
#include <poll.h>
#include <stdint.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include "netkit.h"

JNIEXPORT jintArray JNICALL
Java_dev_netkit_jni_internal_Natives_pollConstants0(JNIEnv *env, jclass cls) {
  (void) cls;
  jint values[dev_netkit_jni_internal_Natives_POLL_COUNT];
  values[dev_netkit_jni_internal_Natives_POLLIN_INDEX] = POLLIN;
  values[dev_netkit_jni_internal_Natives_POLLPRI_INDEX] = POLLPRI;
  values[dev_netkit_jni_internal_Natives_POLLOUT_INDEX] = POLLOUT;
  values[dev_netkit_jni_internal_Natives_POLLERR_INDEX] = POLLERR;
  values[dev_netkit_jni_internal_Natives_POLLHUP_INDEX] = POLLHUP;
  values[dev_netkit_jni_internal_Natives_POLLNVAL_INDEX] = POLLNVAL;
  values[dev_netkit_jni_internal_Natives_POLLRDHUP_INDEX] = POLLRDHUP;
  jintArray array = (*env)->NewIntArray(env, dev_netkit_jni_internal_Natives_POLL_COUNT);
  if (array != NULL) {
    (*env)->SetIntArrayRegion(env, array, 0, dev_netkit_jni_internal_Natives_POLL_COUNT, values);
  }
  return array;
}

static int64_t now_millis(void) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (int64_t) now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

/*
 * Waits until fd reports one of events (POLLERR, POLLHUP, POLLNVAL always count) or wakeFd is
 * readable; fd or wakeFd may be -1 (ignored, as poll(2) does). A negative timeout waits forever.
 * After EINTR it waits again for the rest of the timeout only.
 */
JNIEXPORT jint JNICALL
Java_dev_netkit_jni_internal_Natives_poll0(JNIEnv *env, jclass cls, jint fd, jint events,
                                           jint wakeFd, jint timeoutMillis) {
  (void) env;
  (void) cls;
  struct pollfd fds[2] = {
      {.fd = fd, .events = (short) events, .revents = 0},
      {.fd = wakeFd, .events = POLLIN, .revents = 0},
  };
  int64_t deadline = timeoutMillis < 0 ? 0 : now_millis() + timeoutMillis;
  int timeout = timeoutMillis;
  int ready;
  while ((ready = poll(fds, 2, timeout)) < 0 && errno == EINTR) {
    if (timeoutMillis >= 0) {
      int64_t left = deadline - now_millis();
      timeout = left > 0 ? (int) left : 0;
    }
  }
  if (ready < 0) {
    return -errno;
  }
  jint result = fds[0].revents & 0xffff;
  if (fds[1].revents != 0) {
    result |= dev_netkit_jni_internal_Natives_POLL_WOKEN;
  }
  return result;
}

JNIEXPORT jint JNICALL
Java_dev_netkit_jni_internal_Natives_eventOpen0(JNIEnv *env, jclass cls) {
  (void) env;
  (void) cls;
  int fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  return NK_RESULT(fd);
}

/* EAGAIN means the counter is saturated: the poller is woken already. */
JNIEXPORT jint JNICALL
Java_dev_netkit_jni_internal_Natives_eventSignal0(JNIEnv *env, jclass cls, jint fd) {
  (void) env;
  (void) cls;
  uint64_t one = 1;
  ssize_t written;
  NK_RESTARTABLE(written, write(fd, &one, sizeof one));
  return written < 0 && errno != EAGAIN ? -errno : 0;
}

/* EAGAIN means nothing was signalled: already drained. */
JNIEXPORT jint JNICALL
Java_dev_netkit_jni_internal_Natives_eventDrain0(JNIEnv *env, jclass cls, jint fd) {
  (void) env;
  (void) cls;
  uint64_t count;
  ssize_t got;
  NK_RESTARTABLE(got, read(fd, &count, sizeof count));
  return got < 0 && errno != EAGAIN ? -errno : 0;
}
