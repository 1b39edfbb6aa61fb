/**
 * The travesty client library ({@link dev.netkit.travesty.client.TravestyClient}), figure 17.7
 * of the book without its user interface: upload, generate, reset, and abort with urgent data
 * from another thread.
 */
package dev.netkit.travesty.client;
