/*
 * What netkit's two C reference servers share (udp_reverse_echo_server.c, one recvfrom/sendto per
 * datagram, and udp_reverse_echo_mmsg_server.c, recvmmsg/sendmmsg): their command line and
 * socket set-up (open_server_socket), and the reverse-echo rule as dev.netkit.udp.ReverseEcho has
 * it for ASCII (reverse_echo): a datagram "N: payload" is answered "N: <payload reversed>",
 * anything else is reversed whole. Each server is one .c file that includes this header, so
 * udp-echo-bench.sh builds it with one gcc call.
 */
#ifndef REVERSE_ECHO_H
#define REVERSE_ECHO_H

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

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

/* Writes the reply to in[0..n) into out (n bytes). */
static void reverse_echo(const char *in, size_t n, char *out) {
  size_t prefix = prefix_length(in, n);
  memcpy(out, in, prefix);
  for (size_t i = prefix; i < n; i++) {
    out[i] = in[n - 1 - (i - prefix)];
  }
}

/*
 * Reads the command line "PROGRAM ADDR PORT" (PORT 0 picks one), binds a UDP socket to ADDR:PORT
 * and prints "listening on ADDR:PORT" with the port bound, which udp-echo-bench.sh waits for.
 * Returns the socket; exits with status 2 on a bad command line and 1 when the socket cannot be
 * opened or bound (the message names the program, e.g. "udp_reverse_echo_server: socket/bind").
 */
static int open_server_socket(int argc, char **argv, const char *program) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s ADDR PORT\n", argv[0]);
    exit(2);
  }
  int fd = socket(AF_INET, SOCK_DGRAM, 0);
  struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons(atoi(argv[2]))};
  if (fd < 0 || inet_pton(AF_INET, argv[1], &address.sin_addr) != 1
      || bind(fd, (struct sockaddr *) &address, sizeof address) < 0) {
    fprintf(stderr, "%s: socket/bind: ", program);
    perror(NULL);
    exit(1);
  }
  socklen_t length = sizeof address;
  getsockname(fd, (struct sockaddr *) &address, &length);
  printf("listening on %s:%d\n", argv[1], ntohs(address.sin_port));
  fflush(stdout);
  return fd;
}

#endif
