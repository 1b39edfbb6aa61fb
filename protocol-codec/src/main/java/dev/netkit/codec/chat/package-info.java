/**
 * The chat protocol of the book's chapters 19-21: {@link dev.netkit.codec.chat.ChatFrame}s (a
 * 2-byte event code and a payload) turned into bytes and back by a
 * {@link dev.netkit.codec.chat.ChatFrameCodec}, and one typed
 * {@link dev.netkit.codec.chat.ChatPayload} record per {@link dev.netkit.codec.chat.ChatEvent}.
 *
 * <pre>
 *   ChatFrameCodec codec = new ChatFrameCodec();                  // 1024-byte datagrams
 *   ChatFrame frame = codec.decode(datagramBuffer);               // size and shape checked
 *   switch (frame.event().orElse(null)) { … }                     // or:
 *   ChatPayload payload = ChatPayload.parse(frame);               // typed record
 *   byte[] reply = codec.encode(new ErrorMessage("please log in"));
 * </pre>
 */
package dev.netkit.codec.chat;
