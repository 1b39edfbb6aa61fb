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

#include "reverse_echo.h"

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
    reverse_echo(in, (size_t) n, out);
    sendto(fd, out, (size_t) n, 0, (struct sockaddr *) &sender, sender_length);
  }
}
