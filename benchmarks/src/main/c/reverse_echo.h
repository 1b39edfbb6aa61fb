/*
 * The reverse-echo rule of netkit's C reference servers, as dev.netkit.udp.ReverseEcho has it for
 * ASCII: a datagram "N: payload" is answered "N: <payload reversed>", anything else is reversed
 * whole. Included by udp_reverse_echo_server.c and udp_reverse_echo_mmsg_server.c.
 */
#ifndef REVERSE_ECHO_H
#define REVERSE_ECHO_H

#include <stddef.h>
#include <string.h>

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

#endif
