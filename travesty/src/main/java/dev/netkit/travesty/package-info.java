/**
 * The Markov-chain travesty engine ({@link dev.netkit.travesty.Travesty}) and its line-protocol
 * server and client, which abort uploads and generations with TCP urgent data (chapter 17,
 * appendix A).
 */
package dev.netkit.travesty;
