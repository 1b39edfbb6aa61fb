/**
 * The travesty server ({@link dev.netkit.travesty.server.TravestyServer}), figure 17.6 of the
 * book: one thread and one Markov model per client, urgent-data abort of uploads and
 * generations, and a named limit for everything a client can send.
 */
package dev.netkit.travesty.server;
