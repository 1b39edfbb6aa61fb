/*
 * The load generator of netkit's reverse-echo benchmark: keeps INFLIGHT sequenced requests of SIZE
 * bytes ("N: " + letters) in flight against one reverse-echo server on loopback, sends a new
 * request for every reply, checks every reply, and counts round trips per second over DURATION
 * seconds after WARMUP seconds. A window with no reply for 50 ms is counted lost and sent anew.
 *
 * usage: udp_echo_load ADDR PORT DURATION WARMUP INFLIGHT SIZE
 * prints: "round_trips=R seconds=S rate=R/S lost=L bad=B"
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

/* "seq: " followed by letters up to size bytes; returns the length. */
static size_t make_request(char *buffer, size_t size, unsigned long seq) {
  int prefix = snprintf(buffer, size + 1, "%lu: ", seq);
  for (size_t i = (size_t) prefix; i < size; i++) {
    buffer[i] = (char) ('a' + (i + seq) % 26);
  }
  return size;
}

/* Checks that reply is the reverse echo of the request its sequence number names. */
static int reply_ok(const char *reply, ssize_t length, size_t size) {
  char expected[4096];
  unsigned long seq = strtoul(reply, NULL, 10);
  if (length != (ssize_t) size) {
    return 0;
  }
  make_request(expected, size, seq);
  size_t prefix = (size_t) (strchr(expected, ' ') - expected) + 1;
  if (memcmp(reply, expected, prefix) != 0) {
    return 0;
  }
  for (size_t i = prefix; i < size; i++) {
    if (reply[i] != expected[size - 1 - (i - prefix)]) {
      return 0;
    }
  }
  return 1;
}

int main(int argc, char **argv) {
  if (argc != 7) {
    fprintf(stderr, "usage: %s ADDR PORT DURATION WARMUP INFLIGHT SIZE\n", argv[0]);
    return 2;
  }
  double duration = atof(argv[3]);
  double warmup = atof(argv[4]);
  int inflight = atoi(argv[5]);
  size_t size = (size_t) atoi(argv[6]);
  if (size < 24 || size > 4000 || inflight < 1) {
    fprintf(stderr, "udp_echo_load: SIZE must be 24..4000, INFLIGHT > 0\n");
    return 2;
  }
  int fd = socket(AF_INET, SOCK_DGRAM, 0);
  struct sockaddr_in server = {.sin_family = AF_INET, .sin_port = htons(atoi(argv[2]))};
  if (fd < 0 || inet_pton(AF_INET, argv[1], &server.sin_addr) != 1
      || connect(fd, (struct sockaddr *) &server, sizeof server) < 0) {
    perror("udp_echo_load: socket/connect");
    return 1;
  }
  char request[4096];
  char reply[4096];
  unsigned long seq = 0;
  long round_trips = 0;
  long lost = 0;
  long bad = 0;
  double start = now();
  double measure_from = start + warmup;
  double end = measure_from + duration;
  for (int i = 0; i < inflight; i++) {
    send(fd, request, make_request(request, size, seq++), 0);
  }
  struct pollfd watch = {.fd = fd, .events = POLLIN};
  double t;
  while ((t = now()) < end) {
    if (poll(&watch, 1, 50) <= 0) {
      lost += inflight;
      for (int i = 0; i < inflight; i++) {
        send(fd, request, make_request(request, size, seq++), 0);
      }
      continue;
    }
    ssize_t n = recv(fd, reply, sizeof reply, 0);
    if (n < 0) {
      continue;
    }
    if (!reply_ok(reply, n, size)) {
      bad++;
    } else if (t >= measure_from) {
      round_trips++;
    }
    send(fd, request, make_request(request, size, seq++), 0);
  }
  printf("round_trips=%ld seconds=%.1f rate=%.0f lost=%ld bad=%ld\n", round_trips, duration,
      round_trips / duration, lost, bad);
  return bad == 0 ? 0 : 1;
}
