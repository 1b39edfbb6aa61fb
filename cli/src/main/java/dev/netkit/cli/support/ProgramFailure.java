package dev.netkit.cli.support;

import dev.netkit.unix.NotADirectoryException;
import dev.netkit.unix.PathTooLongException;
import dev.netkit.unix.PermissionDeniedException;
import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

/**
 * What the launcher prints and returns when a program ends with an exception: one line that names
 * the program, the cause and, where one helps, a hint, and an {@link ExitStatus}. For example
 *
 * <pre>
 * echo-server: cannot listen on 127.0.0.1:2007: address already in use (another server running?
 *     stop it or pick another port)
 * </pre>
 *
 * (one line). The JDK's terse socket and file messages ({@code Address already in use}, a bare
 * path) are rephrased with a hint; netkit's own exceptions, which explain themselves, are quoted.
 * {@link IllegalArgumentException} (an option value a configuration refused) is a usage error.
 * This class is the one place where exceptions become messages; programs let them propagate.
 *
 * @param status the exit status, one of {@link ExitStatus}
 * @param line the message, one line without a line terminator
 */
public record ProgramFailure(int status, String line) {

  private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");

  /** Exception types that only a program's start meets: the status is {@code STARTUP}. */
  private static final List<Class<? extends Throwable>> STARTUP_KINDS = List.of(
      BindException.class, ConnectException.class, NoRouteToHostException.class,
      UnknownHostException.class, FileSystemException.class, FileNotFoundException.class,
      PermissionDeniedException.class, NotADirectoryException.class, PathTooLongException.class,
      LinkageError.class);

  /** The JDK's terse socket messages (lower case, prefix) and what to say instead. */
  private static final List<Phrase> SOCKET_PHRASES = List.of(
      new Phrase("address already in use", "address already in use",
          "another server running? stop it or pick another port"),
      new Phrase("permission denied", "permission denied",
          "ports below 1024 need root: pick another port"),
      new Phrase("cannot assign requested address", "not an address of this host",
          "--bind takes a local address such as 127.0.0.1, or 0.0.0.0 for every interface"),
      new Phrase("connection refused", "connection refused",
          "is the server running, on that host and port?"),
      new Phrase("no route to host", "no route to host", "check the address and the network"),
      new Phrase("network is unreachable", "network is unreachable",
          "check the address and the network"));

  /**
   * Describes an exception that ended a program.
   *
   * @param program the program's name, e.g. {@code echo-server}
   * @param error what ended it
   * @return the line to print and the status to exit with
   */
  public static ProgramFailure of(String program, Throwable error) {
    Throwable failure = unwrap(error);
    if (failure instanceof IllegalArgumentException) {
      return usage(program, failure.getMessage());
    }
    if (failure instanceof StartupException startup) {
      Throwable cause = unwrap(startup.getCause());
      Cause why = explain(cause);
      boolean saysWhere = !why.rephrased() && why.text().contains(startup.target());
      String subject = why.subject() == null || why.subject().equals(startup.target()) ? ""
          : why.subject() + ": ";
      String line = saysWhere ? why.sentence() : "cannot " + startup.action() + " "
          + startup.target() + ": " + subject + why.sentence();
      return new ProgramFailure(ExitStatus.STARTUP, oneLine(program + ": " + line));
    }
    Cause why = explain(failure);
    int status = isStartupKind(failure) ? ExitStatus.STARTUP : ExitStatus.FAILURE;
    String subject = why.subject() == null ? "" : why.subject() + ": ";
    return new ProgramFailure(status, oneLine(program + ": " + subject + why.sentence()));
  }

  /**
   * Describes a usage error: a bad option or value.
   *
   * @param program the program's name
   * @param message what is wrong, e.g. picocli's {@code Unknown option: '--x'}
   * @return the line and {@link ExitStatus#USAGE}
   */
  public static ProgramFailure usage(String program, String message) {
    return new ProgramFailure(ExitStatus.USAGE, oneLine(program + ": " + message
        + " (see `netkit " + program + " --help`)"));
  }

  /**
   * Says in a few words why something failed, without the program's name: for a program that
   * reports a failure per peer and goes on (e.g. {@code port unreachable (nothing listens
   * there?)}).
   *
   * @param error the failure
   * @return its cause and hint, one line
   */
  public static String reason(Throwable error) {
    Cause why = explain(unwrap(error));
    return oneLine((why.subject() == null ? "" : why.subject() + ": ") + why.sentence());
  }

  private static Throwable unwrap(Throwable error) {
    Throwable current = error;
    while (current.getCause() != null && (current instanceof UncheckedIOException
        || current instanceof CompletionException || current instanceof ExecutionException
        || current instanceof picocli.CommandLine.ExecutionException)) {
      current = current.getCause();
    }
    return current;
  }

  private static boolean isStartupKind(Throwable error) {
    return STARTUP_KINDS.stream().anyMatch(kind -> kind.isInstance(error));
  }

  private static Cause explain(Throwable error) {
    String message = error.getMessage() == null ? "" : error.getMessage().strip();
    if (error instanceof FileSystemException file && file.getFile() != null) {
      return explainFile(file);
    }
    if (error instanceof UnknownHostException) {
      String host = message.contains(":") ? message.substring(0, message.indexOf(':')) : message;
      return new Cause(host.isEmpty() ? null : host, "unknown host",
          "check the name, or give an IP address", true);
    }
    if (error instanceof PortUnreachableException && !message.contains(" ")) {
      return new Cause(null, "port unreachable", "nothing listens there: is the server running?",
          true);
    }
    if (error instanceof SocketException) {
      String lower = message.toLowerCase(java.util.Locale.ROOT);
      for (Phrase phrase : SOCKET_PHRASES) {
        if (lower.startsWith(phrase.jdk())) {
          return new Cause(null, phrase.text(), phrase.hint(), true);
        }
      }
    }
    if (error instanceof LinkageError) {
      return new Cause(null, message.isEmpty() ? error.toString() : message,
          "this program needs netkit's native library; -v shows why it did not load", false);
    }
    return new Cause(null, message.isEmpty() ? error.getClass().getSimpleName() : message, null,
        false);
  }

  private static Cause explainFile(FileSystemException file) {
    String text;
    String hint;
    if (file instanceof NoSuchFileException) {
      text = "no such file or directory";
      hint = "check the path";
    } else if (file instanceof AccessDeniedException) {
      text = "permission denied";
      hint = "check the permissions, or run as a user who may use it";
    } else if (file instanceof FileAlreadyExistsException) {
      text = "already exists";
      hint = "remove it or choose another path";
    } else if (file instanceof NotDirectoryException) {
      text = "not a directory";
      hint = "check the path";
    } else {
      text = file.getReason() == null ? file.getClass().getSimpleName() : file.getReason();
      hint = null;
    }
    return new Cause(file.getFile(), text, hint, true);
  }

  private static String oneLine(String text) {
    return LINE_BREAKS.matcher(text.strip()).replaceAll("; ");
  }

  /** A JDK message prefix (lower case), the text that replaces it, and a hint. */
  private record Phrase(String jdk, String text, String hint) {
  }

  /**
   * Why something failed.
   *
   * @param subject the file or host concerned, or null
   * @param text the cause in a few words
   * @param hint what to do about it, or null
   * @param rephrased whether {@code text} replaces a JDK message (false: the exception's own)
   */
  private record Cause(String subject, String text, String hint, boolean rephrased) {
    String sentence() {
      return hint == null ? text : text + " (" + hint + ")";
    }
  }
}
