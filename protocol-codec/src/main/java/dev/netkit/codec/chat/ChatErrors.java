package dev.netkit.codec.chat;

/**
 * The texts of the chat server's {@link ErrorMessage ERROR} replies. The
 * first seven are the book's, byte for byte (clients and discovery compare them); the others are
 * netkit's answers to the limits and hostile input the book's server does not check.
 */
public final class ChatErrors {

  /** Any code but LOGIN_REQ from an address that is not logged in (discovery relies on it). */
  public static final String PLEASE_LOG_IN = "please log in";

  /** LOGIN_REQ for a nickname that another address uses. */
  public static final String NICKNAME_IN_USE = "nickname already in use";

  /** A code the server has no handler for, from a logged-in user. */
  public static final String UNIMPLEMENTED_EVENT_CODE = "unimplemented event code";

  /** SEND_PUBLIC or LIST_USERS from a user who is in no channel. */
  public static final String NO_CURRENT_CHANNEL = "no current channel";

  /** SEND_PRIVATE whose payload does not start with a nickname. */
  public static final String NO_RECIPIENT = "no nickname given for recipient of private message";

  /** JOIN_REQ without a channel title (the book's server answers {@code no channel named }). */
  public static final String NO_CHANNEL_TITLE = "no channel title given";

  /** SEND_PRIVATE with a recipient but no text (the book's server delivers an empty message). */
  public static final String NO_PRIVATE_TEXT = "no text given for private message";

  /** LOGIN_REQ whose nickname breaks the chat server's rules (chat-core {@code Nicknames}). */
  public static final String INVALID_NICKNAME = "invalid nickname";

  /** LOGIN_REQ while the server has its maximum number of users. */
  public static final String SERVER_FULL = "server full";

  /** LOGIN_REQ from an IP address that has the maximum number of users per address. */
  public static final String TOO_MANY_USERS_FROM_ADDRESS = "too many users from your address";

  /** JOIN_REQ for a new channel by a user who is in the maximum number of channels. */
  public static final String TOO_MANY_CHANNELS = "too many channels";

  /** A datagram over the size limit, or a message whose relayed form would be. */
  public static final String MESSAGE_TOO_LONG = "message too long";

  /** A payload that is not valid UTF-8. */
  public static final String MALFORMED_TEXT = "malformed UTF-8";

  /** How many characters of a name sent by a peer an error text repeats at most. */
  public static final int MAX_ECHOED_NAME = 64;

  private static final String PREFIX_NO_CHANNEL = "no channel named ";
  private static final String SUFFIX_NOT_LOGGED_IN = ": not logged in";

  private ChatErrors() {
  }

  /**
   * The reply to a JOIN_REQ or PART_REQ for a channel that does not exist.
   *
   * @param title the title as the client sent it (cut to {@value #MAX_ECHOED_NAME} characters)
   * @return {@code no channel named TITLE}
   */
  public static String noChannelNamed(String title) {
    return PREFIX_NO_CHANNEL + echoed(title);
  }

  /**
   * The reply to a SEND_PRIVATE for a user who is not logged in.
   *
   * @param nickname the recipient as the client sent it (cut to {@value #MAX_ECHOED_NAME}
   *     characters)
   * @return {@code NICK: not logged in}
   */
  public static String notLoggedIn(String nickname) {
    return echoed(nickname) + SUFFIX_NOT_LOGGED_IN;
  }

  /** Cuts a peer's text so that the error always fits a datagram. */
  private static String echoed(String name) {
    if (name.codePointCount(0, name.length()) <= MAX_ECHOED_NAME) {
      return name;
    }
    return name.substring(0, name.offsetByCodePoints(0, MAX_ECHOED_NAME)) + "…";
  }
}
