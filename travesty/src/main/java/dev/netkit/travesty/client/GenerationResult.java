package dev.netkit.travesty.client;

import dev.netkit.codec.StatusReply;

/**
 * The outcome of {@link TravestyClient#generate}.
 *
 * @param reply the server's reply to {@code GENERATE}: {@code 203 travesty follows}, or an error
 *     such as {@code 500 no data analyzed}; null when an abort came before the reply
 * @param lines how many lines of text were handed to the consumer
 * @param aborted whether the generation was cut short by {@link TravestyClient#abort()}
 * @param bytesDiscarded bytes the client threw away up to the server's urgent mark
 */
public record GenerationResult(StatusReply reply, long lines, boolean aborted,
    long bytesDiscarded) {
}
