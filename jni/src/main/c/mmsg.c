/*
 * Batched UDP datagram I/O on the descriptor of a JDK DatagramChannel: recvmmsg(2) and
 * sendmmsg(2) (Linux 2.6.33 / 3.0; glibc 2.12 / 2.14, so within the library's glibc 2.17 floor).
 * The JDK has no batched calls; one call here moves up to BATCH_MAX datagrams.
 *
 * Java hands over two direct buffers: data (count slots of slot_bytes each, slot i at
 * i * slot_bytes) and meta (count records of META_BYTES, see DatagramBatchSyscalls.META_*). A
 * record holds a datagram's length, its full length and flags (receive), its status (send), and
 * its peer: family (4 or 6), port, IPv6 scope id and 4 or 16 address bytes. An IPv4-mapped IPv6
 * sender is reported as IPv4; an IPv4 destination on an IPv6 socket is sent to its mapped form.
 */
#define _GNU_SOURCE
#include <netinet/in.h>
#include <poll.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>

#include "netkit.h"
#include "dev_netkit_jni_internal_DatagramBatchSyscalls.h"

#define BATCH_MAX dev_netkit_jni_internal_DatagramBatchSyscalls_BATCH_MAX
#define META_BYTES dev_netkit_jni_internal_DatagramBatchSyscalls_META_BYTES
#define META_LENGTH dev_netkit_jni_internal_DatagramBatchSyscalls_META_LENGTH
#define META_FULL_LENGTH dev_netkit_jni_internal_DatagramBatchSyscalls_META_FULL_LENGTH
#define META_STATUS dev_netkit_jni_internal_DatagramBatchSyscalls_META_STATUS
#define META_FAMILY dev_netkit_jni_internal_DatagramBatchSyscalls_META_FAMILY
#define META_PORT dev_netkit_jni_internal_DatagramBatchSyscalls_META_PORT
#define META_SCOPE dev_netkit_jni_internal_DatagramBatchSyscalls_META_SCOPE
#define META_ADDRESS dev_netkit_jni_internal_DatagramBatchSyscalls_META_ADDRESS
#define FLAG_TRUNCATED dev_netkit_jni_internal_DatagramBatchSyscalls_FLAG_TRUNCATED

static const unsigned char V4_MAPPED_PREFIX[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

static jint *meta_int(unsigned char *record, int offset) {
  return (jint *) (record + offset);
}

/* One call's datagrams: the Java buffers and the kernel's headers for their slots. */
struct batch {
  unsigned char *data; /* slot i at i * slot_bytes */
  unsigned char *meta; /* record i at i * META_BYTES */
  jint slot_bytes;
  struct mmsghdr messages[BATCH_MAX];
  struct iovec vectors[BATCH_MAX];
  struct sockaddr_storage addresses[BATCH_MAX];
};

/*
 * Points batch at the direct buffers: 0, or -EINVAL when count or slot_bytes is out of range or
 * either buffer is not direct or too small.
 */
static int open_batch(JNIEnv *env, jobject data, jint slot_bytes, jobject meta, jint count,
                      struct batch *batch) {
  if (count < 1 || count > BATCH_MAX || slot_bytes < 1) {
    return -EINVAL;
  }
  batch->data = (*env)->GetDirectBufferAddress(env, data);
  batch->meta = (*env)->GetDirectBufferAddress(env, meta);
  batch->slot_bytes = slot_bytes;
  if (batch->data == NULL || batch->meta == NULL
      || (*env)->GetDirectBufferCapacity(env, data) < (jlong) count * slot_bytes
      || (*env)->GetDirectBufferCapacity(env, meta) < (jlong) count * META_BYTES) {
    return -EINVAL;
  }
  return 0;
}

/* The meta record of slot i. */
static unsigned char *record_of(const struct batch *batch, int i) {
  return batch->meta + (size_t) i * META_BYTES;
}

/* Points message i at its data slot (length bytes) and its address (name_length bytes). */
static void point_slot(struct batch *batch, int i, size_t length, socklen_t name_length) {
  batch->vectors[i].iov_base = batch->data + (size_t) i * (size_t) batch->slot_bytes;
  batch->vectors[i].iov_len = length;
  memset(&batch->messages[i], 0, sizeof batch->messages[i]);
  batch->messages[i].msg_hdr.msg_name = &batch->addresses[i];
  batch->messages[i].msg_hdr.msg_namelen = name_length;
  batch->messages[i].msg_hdr.msg_iov = &batch->vectors[i];
  batch->messages[i].msg_hdr.msg_iovlen = 1;
}

/* Writes a sockaddr that the kernel returned into a meta record. */
static void describe_peer(const struct sockaddr_storage *address, unsigned char *record) {
  memset(record + META_ADDRESS, 0, 16);
  *meta_int(record, META_SCOPE) = 0;
  if (address->ss_family == AF_INET) {
    const struct sockaddr_in *in4 = (const struct sockaddr_in *) address;
    *meta_int(record, META_FAMILY) = 4;
    *meta_int(record, META_PORT) = ntohs(in4->sin_port);
    memcpy(record + META_ADDRESS, &in4->sin_addr, 4);
  } else if (address->ss_family == AF_INET6) {
    const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *) address;
    *meta_int(record, META_PORT) = ntohs(in6->sin6_port);
    if (memcmp(in6->sin6_addr.s6_addr, V4_MAPPED_PREFIX, 12) == 0) {
      *meta_int(record, META_FAMILY) = 4;
      memcpy(record + META_ADDRESS, in6->sin6_addr.s6_addr + 12, 4);
    } else {
      *meta_int(record, META_FAMILY) = 6;
      *meta_int(record, META_SCOPE) = (jint) in6->sin6_scope_id;
      memcpy(record + META_ADDRESS, in6->sin6_addr.s6_addr, 16);
    }
  } else {
    *meta_int(record, META_FAMILY) = 0;
    *meta_int(record, META_PORT) = 0;
  }
}

/* Builds the sockaddr of a meta record for a socket of family socket_family; its length. */
static socklen_t peer_address(const unsigned char *record, int socket_family,
                              struct sockaddr_storage *address) {
  jint family = *meta_int((unsigned char *) record, META_FAMILY);
  jint port = *meta_int((unsigned char *) record, META_PORT);
  memset(address, 0, sizeof *address);
  if (family == 4 && socket_family == AF_INET) {
    struct sockaddr_in *in4 = (struct sockaddr_in *) address;
    in4->sin_family = AF_INET;
    in4->sin_port = htons((uint16_t) port);
    memcpy(&in4->sin_addr, record + META_ADDRESS, 4);
    return sizeof *in4;
  }
  struct sockaddr_in6 *in6 = (struct sockaddr_in6 *) address;
  in6->sin6_family = AF_INET6;
  in6->sin6_port = htons((uint16_t) port);
  if (family == 4) {
    memcpy(in6->sin6_addr.s6_addr, V4_MAPPED_PREFIX, 12);
    memcpy(in6->sin6_addr.s6_addr + 12, record + META_ADDRESS, 4);
  } else {
    memcpy(in6->sin6_addr.s6_addr, record + META_ADDRESS, 16);
    in6->sin6_scope_id = (uint32_t) *meta_int((unsigned char *) record, META_SCOPE);
  }
  return sizeof *in6;
}

/* Waits until fd is readable or writable (events), for a descriptor in non-blocking mode. */
static int wait_for(int fd, short events) {
  struct pollfd poller = {.fd = fd, .events = events};
  int result;
  NK_RESTARTABLE(result, poll(&poller, 1, -1));
  return result < 0 ? -errno : 0;
}

/*
 * recvmmsg(2): waits for one datagram, then takes what else is queued (MSG_WAITFORONE), up to
 * count; without wait, takes what is queued and returns -EAGAIN when nothing is. Returns how many
 * (meta records 0..n-1 filled), 0 when the socket was shut down, or -errno. MSG_TRUNC makes the kernel report a datagram's full length, so a datagram longer than
 * its slot is flagged and its real size known.
 */
JNIEXPORT jint JNICALL Java_dev_netkit_jni_internal_DatagramBatchSyscalls_receive0(
    JNIEnv *env, jclass cls, jint fd, jobject data, jint slot_bytes, jobject meta, jint count,
    jboolean wait) {
  (void) cls;
  struct batch batch;
  int checked = open_batch(env, data, slot_bytes, meta, count, &batch);
  if (checked < 0) {
    return checked;
  }
  int flags = MSG_TRUNC | (wait ? MSG_WAITFORONE : MSG_DONTWAIT);
  struct mmsghdr *messages = batch.messages;
  for (int i = 0; i < count; i++) {
    point_slot(&batch, i, (size_t) slot_bytes, sizeof batch.addresses[i]);
  }
  int received;
  for (;;) {
    received = recvmmsg(fd, messages, (unsigned int) count, flags, NULL);
    if (received >= 0) {
      break;
    }
    if (errno == EINTR) {
      continue;
    }
    if ((errno == EAGAIN || errno == EWOULDBLOCK) && wait) {
      /* The JDK may have put the descriptor in non-blocking mode (virtual threads). */
      int waited = wait_for(fd, POLLIN);
      if (waited < 0) {
        return waited;
      }
      continue;
    }
    return -errno;
  }
  /*
   * After shutdown, UDP's recvmsg returns 0 without a sender (msg_namelen 0), which recvmmsg
   * counts as a datagram; a real datagram always has a sender.
   */
  for (int i = 0; i < received; i++) {
    if (messages[i].msg_hdr.msg_namelen == 0) {
      received = i;
      break;
    }
  }
  for (int i = 0; i < received; i++) {
    unsigned char *record = record_of(&batch, i);
    unsigned int full = messages[i].msg_len;
    jint flags = (messages[i].msg_hdr.msg_flags & MSG_TRUNC) ? FLAG_TRUNCATED : 0;
    *meta_int(record, META_FULL_LENGTH) = (jint) full;
    *meta_int(record, META_LENGTH) =
        (jint) (full < (unsigned int) slot_bytes ? full : (unsigned int) slot_bytes);
    *meta_int(record, META_STATUS) = flags;
    describe_peer(&batch.addresses[i], record);
  }
  return received;
}

/* Errors that concern the socket itself rather than one datagram's destination. */
static int socket_error(int error) {
  return error == EBADF || error == ENOTSOCK || error == EPIPE || error == EFAULT;
}

/*
 * sendmmsg(2) of count datagrams (MSG_NOSIGNAL). The kernel stops at the first datagram that
 * fails and reports the ones before it; that one's error goes into its META_STATUS (-errno) and
 * the rest are sent by the next call, so every datagram gets a status (0: sent). Returns count,
 * or -errno when the socket itself failed (then nothing after the datagrams marked sent went).
 */
JNIEXPORT jint JNICALL Java_dev_netkit_jni_internal_DatagramBatchSyscalls_send0(
    JNIEnv *env, jclass cls, jint fd, jint socket_family, jobject data, jint slot_bytes,
    jobject meta, jint count) {
  (void) cls;
  struct batch batch;
  int checked = open_batch(env, data, slot_bytes, meta, count, &batch);
  if (checked < 0) {
    return checked;
  }
  int family = socket_family == 6 ? AF_INET6 : AF_INET;
  for (int i = 0; i < count; i++) {
    unsigned char *record = record_of(&batch, i);
    jint length = *meta_int(record, META_LENGTH);
    if (length < 0 || length > slot_bytes) {
      return -EINVAL;
    }
    socklen_t name_length = peer_address(record, family, &batch.addresses[i]);
    point_slot(&batch, i, (size_t) length, name_length);
    *meta_int(record, META_STATUS) = 0;
  }
  int next = 0;
  while (next < count) {
    int sent = sendmmsg(fd, batch.messages + next, (unsigned int) (count - next), MSG_NOSIGNAL);
    if (sent > 0) {
      next += sent;
      continue;
    }
    if (sent == 0) {
      /* Not documented for datagram sockets; never loop on it. */
      return -EIO;
    }
    int error = errno;
    if (error == EINTR) {
      continue;
    }
    if (error == EAGAIN || error == EWOULDBLOCK) {
      int waited = wait_for(fd, POLLOUT);
      if (waited < 0) {
        return waited;
      }
      continue;
    }
    if (socket_error(error)) {
      return -error;
    }
    *meta_int(record_of(&batch, next), META_STATUS) = -error;
    next++;
  }
  return count;
}

/* The socket's address family (SO_DOMAIN): 4, 6, or -errno. */
JNIEXPORT jint JNICALL Java_dev_netkit_jni_internal_DatagramBatchSyscalls_family0(
    JNIEnv *env, jclass cls, jint fd) {
  (void) env;
  (void) cls;
  int domain;
  socklen_t length = sizeof domain;
  if (getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &domain, &length) < 0) {
    return -errno;
  }
  if (domain == AF_INET) {
    return 4;
  }
  return domain == AF_INET6 ? 6 : -EAFNOSUPPORT;
}

/*
 * shutdown(SHUT_RDWR): wakes a thread blocked in receive0 on this socket, which then returns 0.
 * An unconnected UDP socket reports ENOTCONN, yet the kernel has marked it shut down and woken
 * its waiters, so ENOTCONN is not an error here.
 */
JNIEXPORT jint JNICALL Java_dev_netkit_jni_internal_DatagramBatchSyscalls_shutdown0(
    JNIEnv *env, jclass cls, jint fd) {
  (void) env;
  (void) cls;
  int result = shutdown(fd, SHUT_RDWR);
  return result < 0 && errno != ENOTCONN ? -errno : 0;
}
