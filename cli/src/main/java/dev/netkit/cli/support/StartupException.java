package dev.netkit.cli.support;

import java.util.Objects;

/**
 * A program could not take what it needs to run: listen on an address or a socket path, connect
 * to a server, resolve a host. Carries what was attempted ({@code listen on}) and on what
 * ({@code 127.0.0.1:2007}), so that {@link ProgramFailure} can say it in one line; the cause says
 * why. Thrown by {@link Startup}.
 */
public final class StartupException extends Exception {

  private static final long serialVersionUID = 1L;

  /** What was attempted, e.g. {@code listen on}. */
  private final String action;
  /** The address, path or host it was attempted on, e.g. {@code 127.0.0.1:2007}. */
  private final String target;

  /**
   * Creates the exception.
   *
   * @param action what was attempted, e.g. {@code listen on}
   * @param target on what, e.g. {@code 127.0.0.1:2007}
   * @param cause why it failed
   * @throws NullPointerException if an argument is null
   */
  public StartupException(String action, String target, Throwable cause) {
    super("cannot " + action + " " + target + ": " + Objects.requireNonNull(cause, "cause"),
        cause);
    this.action = Objects.requireNonNull(action, "action");
    this.target = Objects.requireNonNull(target, "target");
  }

  /**
   * Returns what was attempted.
   *
   * @return e.g. {@code listen on}
   */
  public String action() {
    return action;
  }

  /**
   * Returns the address, path or host it was attempted on.
   *
   * @return e.g. {@code 127.0.0.1:2007} or {@code /tmp/wrapserv}
   */
  public String target() {
    return target;
  }
}
