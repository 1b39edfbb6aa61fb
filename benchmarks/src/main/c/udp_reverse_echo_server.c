/*
 * The baseline of netkit's reverse-echo benchmark: a minimal C reverse-echo server with the same
 * semantics as dev.netkit.udp.ReverseEchoServer for ASCII (a datagram "N: payload" is answered
 * "N: <payload reversed>", anything else is reversed whole), one recvfrom/sendto per datagram.
 *
 * usage: udp_reverse_echo_server ADDR PORT    (PORT 0 picks one; prints "listening on ADDR:PORT")
 * Runs until killed.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_DATAGRAM 5000

/* Length of the "digits: " prefix of a sequence frame, 0 if the datagram is not one. */
static size_t prefix_length(const char *data, size_t length) {
  size_t digits = 0;
  while (digits < length && digits <= 19 && data[digits] >= '0' && data[digits] <= '9') {
    digits++;
  }
  if (digits == 0 || digits > 19 || digits + 2 > length || data[digits] != ':'
      || data[digits + 1] != ' ') {
    return 0;
  }
  return digits + 2;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s ADDR PORT\n", argv[0]);
    return 2;
  }
  int fd = socket(AF_INET, SOCK_DGRAM, 0);
  struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons(atoi(argv[2]))};
  if (fd < 0 || inet_pton(AF_INET, argv[1], &address.sin_addr) != 1
      || bind(fd, (struct sockaddr *) &address, sizeof address) < 0) {
    perror("udp_reverse_echo_server: socket/bind");
    return 1;
  }
  socklen_t length = sizeof address;
  getsockname(fd, (struct sockaddr *) &address, &length);
  printf("listening on %s:%d\n", argv[1], ntohs(address.sin_port));
  fflush(stdout);

  char in[MAX_DATAGRAM + 1];
  char out[MAX_DATAGRAM];
  for (;;) {
    struct sockaddr_in sender;
    socklen_t sender_length = sizeof sender;
    ssize_t n = recvfrom(fd, in, sizeof in, 0, (struct sockaddr *) &sender, &sender_length);
    if (n < 0 || n > MAX_DATAGRAM) {
      continue;
    }
    size_t prefix = prefix_length(in, (size_t) n);
    memcpy(out, in, prefix);
    for (size_t i = prefix; i < (size_t) n; i++) {
      out[i] = in[n - 1 - (i - prefix)];
    }
    sendto(fd, out, (size_t) n, 0, (struct sockaddr *) &sender, sender_length);
  }
}
