package dev.netkit.codec.travesty;

/**
 * The names and numbers of the travesty line protocol (the book's figures 17.6 and 17.7): TCP,
 * CRLF lines, commands from the client, three-digit status replies from the server, and one byte
 * of TCP urgent data to abort an upload or a generation. The exchanges, and exactly where the
 * urgent marks go, are drawn in the {@linkplain dev.netkit.codec.travesty package summary}.
 */
public final class TravestyProtocol {

  /** The default TCP port, the book's. */
  public static final int DEFAULT_PORT = 2007;
  /** The urgent byte that aborts, in both directions (the book's {@code SIGNAL_CHAR}). */
  public static final byte URGENT_BYTE = '!';

  /** Command: upload text to analyse, in a dot-terminated block; starts from an empty model. */
  public static final String DATA = "DATA";
  /** Command: forget everything analysed. */
  public static final String RESET = "RESET";
  /** Command: {@code GENERATE n} generates n words of travesty as a dot-terminated block. */
  public static final String GENERATE = "GENERATE";
  /** Command: end the session. */
  public static final String BYE = "BYE";

  /** The banner code, sent when a client connects. */
  public static final int BANNER = 100;
  /** DATA accepted: send the text. */
  public static final int SEND_DATA = 201;
  /** Upload done (or aborted): {@code 202 processed N words}, N the distinct words analysed. */
  public static final int PROCESSED = 202;
  /** GENERATE accepted: the text follows, then a line {@code .}. */
  public static final int TRAVESTY_FOLLOWS = 203;
  /** BYE: the server closes the connection. */
  public static final int GOODBYE = 204;
  /** RESET done. */
  public static final int RESET_DONE = 205;
  /** The server cannot serve one more client now; it closes the connection. */
  public static final int TOO_MANY_CLIENTS = 421;
  /** A line took longer than the server's line timeout; it closes the connection (the same code
   * as {@link #TOO_MANY_CLIENTS}: the service is closing the channel, as in SMTP). */
  public static final int CLOSING = 421;
  /** Unknown command, or GENERATE on an empty model (the book's only error code). */
  public static final int ERROR = 500;
  /** A command with a bad argument: GENERATE without a count, a count that is not a number or
   * over the server's limit; or a command line over the line limit. */
  public static final int BAD_ARGUMENT = 501;
  /** An upload over one of the server's limits (size, line length, words); the reply says which,
   * and how many distinct words were analysed before it. */
  public static final int UPLOAD_LIMIT = 552;

  /** The banner text. */
  public static final String BANNER_TEXT = "Travesty server version 1.0";

  private TravestyProtocol() {
  }
}
