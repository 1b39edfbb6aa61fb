/*
 * Signals as bytes on a pipe (the self-pipe trick): the handler only write(2)s the signal number,
 * which is async-signal-safe, and a Java thread blocks reading the other end. This is how a program
 * reacts to SIGQUIT, which the JDK's sun.misc.Signal refuses because the JVM keeps it for thread
 * dumps; trapping a signal replaces the JVM's own handler until it is released.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "netkit.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int signal_pipe[2] = {-1, -1};
static struct sigaction saved[NSIG];
static int trapped[NSIG];

JNIEXPORT jintArray JNICALL
Java_dev_netkit_jni_internal_Natives_signalConstants0(JNIEnv *env, jclass cls) {
  (void) cls;
  jint values[dev_netkit_jni_internal_Natives_SIGNAL_COUNT];
  values[dev_netkit_jni_internal_Natives_SIGINT_INDEX] = SIGINT;
  values[dev_netkit_jni_internal_Natives_SIGQUIT_INDEX] = SIGQUIT;
  values[dev_netkit_jni_internal_Natives_SIGWINCH_INDEX] = SIGWINCH;
  jintArray array = (*env)->NewIntArray(env, dev_netkit_jni_internal_Natives_SIGNAL_COUNT);
  if (array != NULL) {
    (*env)->SetIntArrayRegion(env, array, 0, dev_netkit_jni_internal_Natives_SIGNAL_COUNT, values);
  }
  return array;
}

static void on_signal(int signo) {
  int saved_errno = errno;
  unsigned char number = (unsigned char) signo;
  /* A full pipe drops the signal: the reader has plenty of them queued already. */
  ssize_t ignored = write(signal_pipe[1], &number, 1);
  (void) ignored;
  errno = saved_errno;
}

static int open_pipe_locked(void) {
  if (signal_pipe[0] >= 0) {
    return 0;
  }
  if (pipe2(signal_pipe, O_CLOEXEC) < 0) {
    return -errno;
  }
  int flags = fcntl(signal_pipe[1], F_GETFL);
  if (flags < 0 || fcntl(signal_pipe[1], F_SETFL, flags | O_NONBLOCK) < 0) {
    int error = errno;
    close(signal_pipe[0]);
    close(signal_pipe[1]);
    signal_pipe[0] = signal_pipe[1] = -1;
    return -error;
  }
  return 0;
}

/* Returns the read end of the signal pipe, or -errno. */
JNIEXPORT jint JNICALL
Java_dev_netkit_jni_internal_Natives_trapSignal0(JNIEnv *env, jclass cls, jint signo) {
  (void) env;
  (void) cls;
  if (signo <= 0 || signo >= NSIG) {
    return -EINVAL;
  }
  pthread_mutex_lock(&lock);
  int result = open_pipe_locked();
  if (result == 0 && !trapped[signo]) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_signal;
    action.sa_flags = SA_RESTART;
    sigemptyset(&action.sa_mask);
    if (sigaction(signo, &action, &saved[signo]) < 0) {
      result = -errno;
    } else {
      trapped[signo] = 1;
    }
  }
  if (result == 0) {
    result = signal_pipe[0];
  }
  pthread_mutex_unlock(&lock);
  return result;
}

/* Puts back the handler that was there before trapSignal0 (the JVM's, usually). */
JNIEXPORT jint JNICALL
Java_dev_netkit_jni_internal_Natives_releaseSignal0(JNIEnv *env, jclass cls, jint signo) {
  (void) env;
  (void) cls;
  if (signo <= 0 || signo >= NSIG) {
    return -EINVAL;
  }
  pthread_mutex_lock(&lock);
  int result = 0;
  if (trapped[signo]) {
    if (sigaction(signo, &saved[signo], NULL) < 0) {
      result = -errno;
    } else {
      trapped[signo] = 0;
    }
  }
  pthread_mutex_unlock(&lock);
  return result;
}

/* Makes a blocked awaitSignal0 return 0 (no signal has number 0): a trap was closed. */
JNIEXPORT jint JNICALL
Java_dev_netkit_jni_internal_Natives_wakeSignalAwaiter0(JNIEnv *env, jclass cls) {
  (void) env;
  (void) cls;
  pthread_mutex_lock(&lock);
  int result = 0;
  if (signal_pipe[1] >= 0) {
    unsigned char zero = 0;
    ssize_t written;
    NK_RESTARTABLE(written, write(signal_pipe[1], &zero, 1));
    result = written < 0 && errno != EAGAIN ? -errno : 0;
  }
  pthread_mutex_unlock(&lock);
  return result;
}

/* Blocks until a trapped signal arrives; returns its number, or 0 after wakeSignalAwaiter0. */
JNIEXPORT jint JNICALL
Java_dev_netkit_jni_internal_Natives_awaitSignal0(JNIEnv *env, jclass cls, jint readFd) {
  (void) env;
  (void) cls;
  unsigned char number;
  ssize_t got;
  NK_RESTARTABLE(got, read(readFd, &number, 1));
  if (got < 0) {
    return -errno;
  }
  return got == 0 ? -EPIPE : number;
}
