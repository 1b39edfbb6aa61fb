package dev.netkit.travesty.client;

import dev.netkit.codec.StatusReply;

/**
 * The outcome of {@link TravestyClient#analyze}.
 *
 * @param reply the server's final reply: {@code 202 processed N words}, or an error such as
 *     {@code 552} (a limit) or the refusal of {@code DATA}
 * @param words the distinct words the server analysed (its N), or -1 when the reply has none
 * @param aborted whether the upload was cut short by {@link TravestyClient#abort()}
 * @param bytesSent how many bytes of the text were sent
 */
public record UploadResult(StatusReply reply, long words, boolean aborted, long bytesSent) {
}
