/*
 * The batched baseline of netkit's reverse-echo benchmark: udp_reverse_echo_server with
 * recvmmsg/sendmmsg, which is what netkit's batched server does through JNI. One recvmmsg
 * (MSG_WAITFORONE: waits for one, takes what else is queued, up to BATCH) and one sendmmsg for
 * the replies, in order.
 *
 * usage: udp_reverse_echo_mmsg_server ADDR PORT    (PORT 0 picks one; prints "listening on ...")
 * Runs until killed.
 */
#define _GNU_SOURCE
#include <string.h>
#include <sys/socket.h>

#include "reverse_echo.h"

#define BATCH 64

int main(int argc, char **argv) {
  int fd = open_server_socket(argc, argv, "udp_reverse_echo_mmsg_server");

  static char in[BATCH][MAX_DATAGRAM + 1];
  static char out[BATCH][MAX_DATAGRAM];
  struct sockaddr_in senders[BATCH];
  struct iovec in_vectors[BATCH];
  struct iovec out_vectors[BATCH];
  struct mmsghdr requests[BATCH];
  struct mmsghdr replies[BATCH];
  for (;;) {
    for (int i = 0; i < BATCH; i++) {
      in_vectors[i] = (struct iovec) {.iov_base = in[i], .iov_len = sizeof in[i]};
      memset(&requests[i], 0, sizeof requests[i]);
      requests[i].msg_hdr.msg_name = &senders[i];
      requests[i].msg_hdr.msg_namelen = sizeof senders[i];
      requests[i].msg_hdr.msg_iov = &in_vectors[i];
      requests[i].msg_hdr.msg_iovlen = 1;
    }
    int n = recvmmsg(fd, requests, BATCH, MSG_WAITFORONE, NULL);
    if (n <= 0) {
      continue;
    }
    int count = 0;
    for (int i = 0; i < n; i++) {
      size_t size = requests[i].msg_len;
      if (size > MAX_DATAGRAM) {
        continue;
      }
      reverse_echo(in[i], size, out[count]);
      out_vectors[count] = (struct iovec) {.iov_base = out[count], .iov_len = size};
      memset(&replies[count], 0, sizeof replies[count]);
      replies[count].msg_hdr.msg_name = &senders[i];
      replies[count].msg_hdr.msg_namelen = requests[i].msg_hdr.msg_namelen;
      replies[count].msg_hdr.msg_iov = &out_vectors[count];
      replies[count].msg_hdr.msg_iovlen = 1;
      count++;
    }
    /* A refused reply stops sendmmsg there; skip it and send the rest. */
    for (int next = 0; next < count;) {
      int sent = sendmmsg(fd, replies + next, (unsigned int) (count - next), 0);
      next += sent > 0 ? sent : 1;
    }
  }
}
