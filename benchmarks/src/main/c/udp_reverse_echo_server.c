/*
 * The baseline of netkit's reverse-echo benchmark: a minimal C reverse-echo server with the same
 * semantics as dev.netkit.udp.ReverseEchoServer for ASCII (a datagram "N: payload" is answered
 * "N: <payload reversed>", anything else is reversed whole), one recvfrom/sendto per datagram.
 *
 * usage: udp_reverse_echo_server ADDR PORT    (PORT 0 picks one; prints "listening on ADDR:PORT")
 * Runs until killed.
 */
#include <string.h>
#include <sys/socket.h>

#include "reverse_echo.h"

int main(int argc, char **argv) {
  int fd = open_server_socket(argc, argv, "udp_reverse_echo_server");

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
