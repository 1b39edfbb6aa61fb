/**
 * UDP request/response (chapter 18): the reverse-echo and daytime servers, clients with
 * timeouts and retries, a sequenced client with adaptive retransmission, and a fault-injecting proxy.
 */
package dev.netkit.udp;
