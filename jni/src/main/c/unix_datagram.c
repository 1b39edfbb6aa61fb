/*
 * UNIX-domain datagram sockets (unix(7); "Network Programming with Perl", chapter 22), which the
 * JDK lacks: socket, bind (with the socket file's mode chosen atomically), connect, sendto,
 * recvmsg with the sender's path and credentials, shutdown, and the credential options
 * SO_PASSCRED and SO_PEERCRED (the latter for any AF_UNIX socket, stream ones included).
 *
 * Paths come from Java as byte arrays without a NUL. An abstract address (Linux) is the same
 * bytes with a flag; the leading NUL of sun_path is added here.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

#include "netkit.h"

/*
 * glibc 2.34 moved pthread_create and pthread_join from libpthread into libc under a new symbol
 * version, GLIBC_2.34; a library linked against that version does not load on older glibc. The
 * architecture's first version of both is the same code, kept by newer glibc for old binaries;
 * binding to it keeps the library loadable from glibc 2.17 on (there the JVM has libpthread
 * loaded). The build's glibc check (src/build/check-glibc.sh) fails if a newer version creeps in.
 */
#if defined(__GLIBC__) && defined(__x86_64__)
#define NK_PTHREAD_VERSION "GLIBC_2.2.5"
#elif defined(__GLIBC__) && defined(__aarch64__)
#define NK_PTHREAD_VERSION "GLIBC_2.17"
#endif
#ifdef NK_PTHREAD_VERSION
__asm__(".symver pthread_create,pthread_create@" NK_PTHREAD_VERSION);
__asm__(".symver pthread_join,pthread_join@" NK_PTHREAD_VERSION);
#endif

/* Data up to this size is copied through the stack; larger datagrams through the heap. */
#define STACK_BUFFER_BYTES 8192

#define SUN_PATH_BYTES ((int) sizeof(((struct sockaddr_un *) 0)->sun_path))

JNIEXPORT jintArray JNICALL
Java_dev_netkit_jni_internal_Natives_unixConstants0(JNIEnv *env, jclass cls) {
  (void) cls;
  jint values[dev_netkit_jni_internal_Natives_UNIX_COUNT];
  values[dev_netkit_jni_internal_Natives_UNIX_SUN_PATH_BYTES_INDEX] = SUN_PATH_BYTES;
  values[dev_netkit_jni_internal_Natives_UNIX_EACCES_INDEX] = EACCES;
  values[dev_netkit_jni_internal_Natives_UNIX_ENOTDIR_INDEX] = ENOTDIR;
  values[dev_netkit_jni_internal_Natives_UNIX_ENOENT_INDEX] = ENOENT;
  values[dev_netkit_jni_internal_Natives_UNIX_EPROTOTYPE_INDEX] = EPROTOTYPE;
  values[dev_netkit_jni_internal_Natives_UNIX_ENAMETOOLONG_INDEX] = ENAMETOOLONG;
  values[dev_netkit_jni_internal_Natives_UNIX_EMSGSIZE_INDEX] = EMSGSIZE;
  jintArray array = (*env)->NewIntArray(env, dev_netkit_jni_internal_Natives_UNIX_COUNT);
  if (array != NULL) {
    (*env)->SetIntArrayRegion(env, array, 0, dev_netkit_jni_internal_Natives_UNIX_COUNT, values);
  }
  return array;
}

/*
 * Builds a sockaddr_un from Java bytes: 0, -ENAMETOOLONG when they do not fit sun_path, or
 * NK_JAVA_EXCEPTION when copying them failed (the exception is pending).
 */
static int fill_address(JNIEnv *env, jbyteArray path, jboolean abstract_name,
                        struct sockaddr_un *address, socklen_t *length) {
  jsize bytes = (*env)->GetArrayLength(env, path);
  int offset = abstract_name ? 1 : 0;
  /* A path keeps one byte for its NUL; an abstract name uses that byte for its leading NUL. */
  if (bytes + 1 > SUN_PATH_BYTES) {
    return -ENAMETOOLONG;
  }
  memset(address, 0, sizeof *address);
  address->sun_family = AF_UNIX;
  (*env)->GetByteArrayRegion(env, path, 0, bytes, (jbyte *) address->sun_path + offset);
  if ((*env)->ExceptionCheck(env)) {
    return NK_JAVA_EXCEPTION;
  }
  *length = (socklen_t) (offsetof(struct sockaddr_un, sun_path) + offset + bytes
                         + (abstract_name ? 0 : 1));
  return 0;
}

JNIEXPORT jint JNICALL
Java_dev_netkit_jni_internal_Natives_unixDatagramOpen0(JNIEnv *env, jclass cls) {
  (void) env;
  (void) cls;
  int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  return NK_RESULT(fd);
}

/* What the bind thread needs, and what it reports. */
struct bind_job {
  int fd;
  struct sockaddr_un address;
  socklen_t length;
  mode_t mask;
  int shared_umask; /* set when unshare(CLONE_FS) was refused */
  int error;
};

static pthread_mutex_t process_umask_lock = PTHREAD_MUTEX_INITIALIZER;

/*
 * Runs on a short-lived thread of its own. unshare(CLONE_FS) gives this thread a private copy of
 * the umask (and cwd), so umask() below affects no other thread: the socket file is created by
 * bind(2) with mode 0777 & ~mask, its final mode, and is never more accessible than that. Where a
 * sandbox forbids unshare (EPERM), the process-wide umask is set around bind instead, under a
 * lock; files other threads create meanwhile then get a stricter mode, never a wider one.
 */
static void *bind_with_umask(void *argument) {
  struct bind_job *job = argument;
  int result;
  if (unshare(CLONE_FS) == 0) {
    umask(job->mask);
    NK_RESTARTABLE(result, bind(job->fd, (struct sockaddr *) &job->address, job->length));
    job->error = result < 0 ? errno : 0;
    return NULL;
  }
  job->shared_umask = 1;
  pthread_mutex_lock(&process_umask_lock);
  mode_t previous = umask(job->mask);
  NK_RESTARTABLE(result, bind(job->fd, (struct sockaddr *) &job->address, job->length));
  job->error = result < 0 ? errno : 0;
  umask(previous);
  pthread_mutex_unlock(&process_umask_lock);
  return NULL;
}

/*
 * Binds fd. mode < 0 (abstract names, which have no file) binds directly; otherwise the file gets
 * that mode as described above. Returns 0, UNIX_BIND_SHARED_UMASK when the fall-back was used,
 * or -errno.
 */
JNIEXPORT jint JNICALL
Java_dev_netkit_jni_internal_Natives_unixBind0(JNIEnv *env, jclass cls, jint fd, jbyteArray path,
                                               jboolean abstract_name, jint mode) {
  (void) cls;
  struct bind_job job = {.fd = fd, .shared_umask = 0, .error = 0};
  int filled = fill_address(env, path, abstract_name, &job.address, &job.length);
  if (filled < 0) {
    return filled;
  }
  if (mode < 0) {
    int result;
    NK_RESTARTABLE(result, bind(fd, (struct sockaddr *) &job.address, job.length));
    return NK_RESULT(result);
  }
  job.mask = (mode_t) (~mode & 0777);
  pthread_t thread;
  int created = pthread_create(&thread, NULL, bind_with_umask, &job);
  if (created != 0) {
    return -created;
  }
  pthread_join(thread, NULL);
  if (job.error != 0) {
    return -job.error;
  }
  return job.shared_umask ? dev_netkit_jni_internal_Natives_UNIX_BIND_SHARED_UMASK : 0;
}

JNIEXPORT jint JNICALL
Java_dev_netkit_jni_internal_Natives_unixConnect0(JNIEnv *env, jclass cls, jint fd, jbyteArray path,
                                                  jboolean abstract_name) {
  (void) cls;
  struct sockaddr_un address;
  socklen_t length;
  int filled = fill_address(env, path, abstract_name, &address, &length);
  if (filled < 0) {
    return filled;
  }
  int result;
  NK_RESTARTABLE(result, connect(fd, (struct sockaddr *) &address, length));
  return NK_RESULT(result);
}

/*
 * sendto(2), blocking while the receiver's queue is full: up to SO_SNDTIMEO, then EAGAIN (the
 * Java side waits in such slices so that close() is noticed). path NULL sends to the connected
 * peer. MSG_NOSIGNAL: never a SIGPIPE for the JVM.
 */
JNIEXPORT jint JNICALL
Java_dev_netkit_jni_internal_Natives_unixSendTo0(JNIEnv *env, jclass cls, jint fd, jbyteArray data,
                                                 jint offset, jint length, jbyteArray path,
                                                 jboolean abstract_name) {
  (void) cls;
  struct sockaddr_un address;
  socklen_t address_length = 0;
  if (path != NULL) {
    int filled = fill_address(env, path, abstract_name, &address, &address_length);
    if (filled < 0) {
      return filled;
    }
  }
  char stack_buffer[STACK_BUFFER_BYTES];
  char *buffer = length <= STACK_BUFFER_BYTES ? stack_buffer : malloc((size_t) length);
  if (buffer == NULL) {
    return -ENOMEM;
  }
  (*env)->GetByteArrayRegion(env, data, offset, length, (jbyte *) buffer);
  if ((*env)->ExceptionCheck(env)) {
    if (buffer != stack_buffer) {
      free(buffer);
    }
    return NK_JAVA_EXCEPTION;
  }
  ssize_t sent;
  NK_RESTARTABLE(sent, sendto(fd, buffer, (size_t) length, MSG_NOSIGNAL,
                              path == NULL ? NULL : (struct sockaddr *) &address,
                              address_length));
  int saved = errno;
  if (buffer != stack_buffer) {
    free(buffer);
  }
  errno = saved;
  return NK_RESULT(sent);
}

/* Fills info[] with the credentials (SO_PASSCRED) among recvmsg's control messages. */
static void describe_credentials(struct msghdr *message, jint *info) {
  for (struct cmsghdr *c = CMSG_FIRSTHDR(message); c != NULL; c = CMSG_NXTHDR(message, c)) {
    if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_CREDENTIALS) {
      struct ucred credentials;
      memcpy(&credentials, CMSG_DATA(c), sizeof credentials);
      info[dev_netkit_jni_internal_Natives_UNIX_INFO_FLAGS] |=
          dev_netkit_jni_internal_Natives_UNIX_CREDENTIALS;
      info[dev_netkit_jni_internal_Natives_UNIX_INFO_PID] = (jint) credentials.pid;
      info[dev_netkit_jni_internal_Natives_UNIX_INFO_UID] = (jint) credentials.uid;
      info[dev_netkit_jni_internal_Natives_UNIX_INFO_GID] = (jint) credentials.gid;
    }
  }
}

/*
 * Copies the sender's address that recvmsg returned to sender_path and fills info[] (see
 * Natives.UNIX_INFO_*); returns 0, or NK_JAVA_EXCEPTION when the copy failed.
 */
static int describe_sender(JNIEnv *env, struct msghdr *message, jbyteArray sender_path,
                           jint *info) {
  struct sockaddr_un *address = message->msg_name;
  socklen_t name_length = message->msg_namelen;
  size_t header = offsetof(struct sockaddr_un, sun_path);
  info[dev_netkit_jni_internal_Natives_UNIX_INFO_PATH_LENGTH] = -1;
  if (name_length > header) {
    size_t room = name_length - header;
    int abstract_name = address->sun_path[0] == '\0';
    size_t bytes = abstract_name ? room - 1 : strnlen(address->sun_path, room);
    (*env)->SetByteArrayRegion(env, sender_path, 0, (jsize) bytes,
                               (jbyte *) address->sun_path + abstract_name);
    if ((*env)->ExceptionCheck(env)) {
      return NK_JAVA_EXCEPTION;
    }
    if (abstract_name) {
      info[dev_netkit_jni_internal_Natives_UNIX_INFO_FLAGS] |=
          dev_netkit_jni_internal_Natives_UNIX_ABSTRACT;
    }
    info[dev_netkit_jni_internal_Natives_UNIX_INFO_PATH_LENGTH] = (jint) bytes;
  }
  describe_credentials(message, info);
  return 0;
}

/*
 * recvmsg(2) without blocking (the Java side polls first): copies at most length bytes into
 * data[offset..], returns how many, or -errno (EAGAIN: nothing queued). sender_path (at least
 * sun_path's size) receives the sender's address; info[] its length (-1: unbound sender), flags,
 * credentials (with SO_PASSCRED) and the datagram's full length (MSG_TRUNC).
 */
JNIEXPORT jint JNICALL
Java_dev_netkit_jni_internal_Natives_unixReceive0(JNIEnv *env, jclass cls, jint fd, jbyteArray data,
                                                  jint offset, jint length, jbyteArray sender_path,
                                                  jintArray info_array) {
  (void) cls;
  char stack_buffer[STACK_BUFFER_BYTES];
  char *buffer = length <= STACK_BUFFER_BYTES ? stack_buffer : malloc((size_t) length);
  if (buffer == NULL) {
    return -ENOMEM;
  }
  struct sockaddr_un address;
  union {
    struct cmsghdr header;
    char bytes[CMSG_SPACE(sizeof(struct ucred))];
  } control;
  struct iovec vector = {.iov_base = buffer, .iov_len = (size_t) length};
  struct msghdr message = {
      .msg_name = &address,
      .msg_namelen = sizeof address,
      .msg_iov = &vector,
      .msg_iovlen = 1,
      .msg_control = control.bytes,
      .msg_controllen = sizeof control.bytes,
  };
  ssize_t received;
  NK_RESTARTABLE(received, recvmsg(fd, &message, MSG_DONTWAIT | MSG_TRUNC | MSG_CMSG_CLOEXEC));
  jint result;
  if (received < 0) {
    result = -errno;
  } else {
    jint info[dev_netkit_jni_internal_Natives_UNIX_INFO_COUNT] = {0};
    info[dev_netkit_jni_internal_Natives_UNIX_INFO_LENGTH] = (jint) received;
    result = (jint) (received < length ? received : length);
    /* A failed copy leaves its exception pending, which Java throws instead of any result. */
    (*env)->SetByteArrayRegion(env, data, offset, result, (jbyte *) buffer);
    if (!(*env)->ExceptionCheck(env) && describe_sender(env, &message, sender_path, info) == 0) {
      (*env)->SetIntArrayRegion(env, info_array, 0, dev_netkit_jni_internal_Natives_UNIX_INFO_COUNT,
                                info);
    }
  }
  if (buffer != stack_buffer) {
    free(buffer);
  }
  return result;
}

JNIEXPORT jint JNICALL
Java_dev_netkit_jni_internal_Natives_unixSetSendTimeout0(JNIEnv *env, jclass cls, jint fd,
                                                         jint millis) {
  (void) env;
  (void) cls;
  struct timeval timeout = {.tv_sec = millis / 1000, .tv_usec = (millis % 1000) * 1000};
  int result = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  return NK_RESULT(result);
}

JNIEXPORT jint JNICALL
Java_dev_netkit_jni_internal_Natives_unixPassCredentials0(JNIEnv *env, jclass cls, jint fd,
                                                          jboolean on) {
  (void) env;
  (void) cls;
  int value = on ? 1 : 0;
  int result = setsockopt(fd, SOL_SOCKET, SO_PASSCRED, &value, sizeof value);
  return NK_RESULT(result);
}

JNIEXPORT jint JNICALL
Java_dev_netkit_jni_internal_Natives_unixPeerCredentials0(JNIEnv *env, jclass cls, jint fd,
                                                          jintArray out) {
  (void) cls;
  struct ucred credentials;
  socklen_t length = sizeof credentials;
  int result = getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &credentials, &length);
  if (result < 0) {
    return -errno;
  }
  jint values[3] = {(jint) credentials.pid, (jint) credentials.uid, (jint) credentials.gid};
  (*env)->SetIntArrayRegion(env, out, 0, 3, values);
  return 0;
}

/* Wakes this socket's blocked receivers (they see end of stream); ENOTCONN is not an error. */
JNIEXPORT jint JNICALL
Java_dev_netkit_jni_internal_Natives_unixShutdown0(JNIEnv *env, jclass cls, jint fd) {
  (void) env;
  (void) cls;
  int result = shutdown(fd, SHUT_RDWR);
  return result < 0 && errno != ENOTCONN ? -errno : 0;
}
