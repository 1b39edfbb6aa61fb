package dev.netkit.codec.travesty;

import dev.netkit.codec.StatusReply;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reply lines of a travesty server, in one place: the book's texts where the book has the
 * reply, netkit's for its limits.
 *
 * <pre>
 *   100 Travesty server version 1.0
 *   201 send text, end with a line holding only "."
 *   202 processed 2658 words
 *   203 travesty follows
 *   204 goodbye
 *   205 travesty reset
 *   421 too many clients (limit: 64), try again later
 *   500 unknown command
 *   500 no data analyzed
 *   501 word count "-5" is negative
 *   501 command line too long (limit: 8192 bytes)
 *   552 upload over 1048576 bytes; processed 879 words
 *   552 upload over 1048576 bytes; closing
 *   552 server out of memory (model emptied); processed 0 words
 *   421 line not completed within 60000 ms; closing
 *   500 server out of memory; closing
 *   500 connection half-closed before the line "." that ends DATA; processed 5 words; closing
 * </pre>
 */
public final class TravestyReplies {

  private static final Pattern PROCESSED = Pattern.compile("processed (\\d{1,18}) words");

  private TravestyReplies() {
  }

  /**
   * The banner sent when a client connects.
   *
   * @return {@code 100 Travesty server version 1.0}
   */
  public static StatusReply banner() {
    return new StatusReply(TravestyProtocol.BANNER, TravestyProtocol.BANNER_TEXT);
  }

  /**
   * The answer to {@code DATA}.
   *
   * @return {@code 201 send text, end with a line holding only "."}
   */
  public static StatusReply sendData() {
    return new StatusReply(TravestyProtocol.SEND_DATA,
        "send text, end with a line holding only \".\"");
  }

  /**
   * The end of an upload (complete or aborted).
   *
   * @param words the distinct words analysed
   * @return {@code 202 processed N words}
   */
  public static StatusReply processed(long words) {
    return new StatusReply(TravestyProtocol.PROCESSED, processedText(words));
  }

  /**
   * The answer to a {@code GENERATE} that will be served.
   *
   * @return {@code 203 travesty follows}
   */
  public static StatusReply travestyFollows() {
    return new StatusReply(TravestyProtocol.TRAVESTY_FOLLOWS, "travesty follows");
  }

  /**
   * The answer to {@code BYE}.
   *
   * @return {@code 204 goodbye}
   */
  public static StatusReply goodbye() {
    return new StatusReply(TravestyProtocol.GOODBYE, "goodbye");
  }

  /**
   * The answer to {@code RESET}.
   *
   * @return {@code 205 travesty reset}
   */
  public static StatusReply resetDone() {
    return new StatusReply(TravestyProtocol.RESET_DONE, "travesty reset");
  }

  /**
   * Sent instead of the banner when the server is full.
   *
   * @param limit the connection limit that was reached
   * @param perAddress true when it is the limit per client address, false for the total
   * @return {@code 421 too many clients (limit: N), try again later} or
   *     {@code 421 too many clients from your address (limit: N), try again later}
   */
  public static StatusReply tooManyClients(int limit, boolean perAddress) {
    return new StatusReply(TravestyProtocol.TOO_MANY_CLIENTS, "too many clients"
        + (perAddress ? " from your address" : "") + " (limit: " + limit + "), try again later");
  }

  /**
   * The answer to a line that is no command ({@link UnknownCommandException}).
   *
   * @return {@code 500 unknown command}
   */
  public static StatusReply unknownCommand() {
    return new StatusReply(TravestyProtocol.ERROR, "unknown command");
  }

  /**
   * The answer to {@code GENERATE} before anything was analysed.
   *
   * @return {@code 500 no data analyzed}
   */
  public static StatusReply noDataAnalyzed() {
    return new StatusReply(TravestyProtocol.ERROR, "no data analyzed");
  }

  /**
   * The answer to a bad {@code GENERATE} count.
   *
   * @param e what the parser found
   * @return {@code 501} and the exception's message
   */
  public static StatusReply badArgument(WordCountException e) {
    return new StatusReply(TravestyProtocol.BAD_ARGUMENT, e.getMessage());
  }

  /**
   * The answer to a command line over the line limit.
   *
   * @param maxLineLength the limit in bytes
   * @return {@code 501 command line too long (limit: N bytes)}
   */
  public static StatusReply commandTooLong(int maxLineLength) {
    return new StatusReply(TravestyProtocol.BAD_ARGUMENT,
        "command line too long (limit: " + maxLineLength + " bytes)");
  }

  /**
   * The end of an upload that passed one of the server's limits; the session goes on.
   *
   * @param limit which limit, e.g. {@code upload over 1048576 bytes} (see the {@code …Over}
   *     methods)
   * @param words the distinct words analysed before it
   * @return {@code 552 <limit>; processed N words}
   */
  public static StatusReply uploadLimit(String limit, long words) {
    return new StatusReply(TravestyProtocol.UPLOAD_LIMIT, limit + "; " + processedText(words));
  }

  /**
   * Sent before the server closes a connection whose upload went far over the size limit.
   *
   * @param maxUploadBytes the limit
   * @return {@code 552 upload over N bytes; closing}
   */
  public static StatusReply uploadClosing(long maxUploadBytes) {
    return new StatusReply(TravestyProtocol.UPLOAD_LIMIT,
        uploadOver(maxUploadBytes) + "; closing");
  }

  /**
   * Sent before the server closes a connection whose line (command or uploaded) was begun but
   * not finished within the line timeout.
   *
   * @param millis the line timeout
   * @return {@code 421 line not completed within N ms; closing}
   */
  public static StatusReply lineTimeout(long millis) {
    return new StatusReply(TravestyProtocol.CLOSING,
        "line not completed within " + millis + " ms; closing");
  }

  /**
   * Sent before the server closes a session that ran out of heap outside an upload.
   *
   * @return {@code 500 server out of memory; closing}
   */
  public static StatusReply outOfMemory() {
    return new StatusReply(TravestyProtocol.ERROR, "server out of memory; closing");
  }

  /**
   * Sent before the server closes a connection that half-closed in the middle of an upload.
   *
   * @param words the distinct words analysed before it
   * @return {@code 500 connection half-closed before the line "." that ends DATA; processed N
   *     words; closing}
   */
  public static StatusReply halfClosedInData(long words) {
    return new StatusReply(TravestyProtocol.ERROR, "connection half-closed before the line "
        + "\".\" that ends DATA; " + processedText(words) + "; closing");
  }

  /**
   * Running out of heap during an upload (the model was emptied), for
   * {@link #uploadLimit(String, long)}.
   *
   * @return {@code server out of memory (model emptied)}
   */
  public static String outOfMemoryInUpload() {
    return "server out of memory (model emptied)";
  }

  /**
   * The upload size limit, for {@link #uploadLimit(String, long)}.
   *
   * @param maxUploadBytes the limit
   * @return {@code upload over N bytes}
   */
  public static String uploadOver(long maxUploadBytes) {
    return "upload over " + maxUploadBytes + " bytes";
  }

  /**
   * The line length limit of an upload, for {@link #uploadLimit(String, long)}.
   *
   * @param maxLineLength the limit
   * @return {@code line over N bytes}
   */
  public static String lineOver(int maxLineLength) {
    return "line over " + maxLineLength + " bytes";
  }

  /**
   * The word limit of one model, for {@link #uploadLimit(String, long)}.
   *
   * @param maxWords the limit
   * @return {@code more than N words}
   */
  public static String wordsOver(long maxWords) {
    return "more than " + maxWords + " words";
  }

  /**
   * The limit of all models together, for {@link #uploadLimit(String, long)}.
   *
   * @param maxTotalWords the limit
   * @return {@code server busy: all models together hold N words}
   */
  public static String serverWordsOver(long maxTotalWords) {
    return "server busy: all models together hold " + maxTotalWords + " words";
  }

  /**
   * Reads the word count out of the end of an upload ({@code 202}, or {@code 552} after a limit).
   *
   * @param reply the server's reply
   * @return N of {@code processed N words}, or empty if the reply does not say it
   */
  public static OptionalLong processedWords(StatusReply reply) {
    Matcher words = PROCESSED.matcher(reply.text());
    return words.find() ? OptionalLong.of(Long.parseLong(words.group(1))) : OptionalLong.empty();
  }

  private static String processedText(long words) {
    return "processed " + words + " words";
  }
}
