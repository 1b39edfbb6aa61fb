package dev.netkit.cli.support;

import dev.netkit.codec.ProtocolException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/**
 * The steps with which a program takes what it needs (listen, connect, resolve a host), each
 * turning a failure into a {@link StartupException} that names the step and its address, so that
 * the launcher reports it in one line with {@link ExitStatus#STARTUP}:
 *
 * <pre>{@code
 * ReverseEchoServer server =
 *     Startup.listen(address, () -> new ReverseEchoServer(address, config).start());
 * }</pre>
 */
public final class Startup {

  private Startup() {
  }

  /**
   * One step of a program's start.
   *
   * @param <T> what the step makes (a started server, a connected socket)
   */
  @FunctionalInterface
  public interface Step<T> {
    /**
     * Runs the step.
     *
     * @return what the step made
     * @throws IOException if it fails
     */
    T run() throws IOException;
  }

  /**
   * Starts something that listens on an IP address and port.
   *
   * @param <T> what the step makes
   * @param address where it listens
   * @param step binds and starts it
   * @return what the step made
   * @throws StartupException if the step fails with an {@link IOException}
   */
  public static <T> T listen(InetSocketAddress address, Step<T> step) throws StartupException {
    return attempt("listen on", HostPortConverter.format(address), step);
  }

  /**
   * Starts something that listens on a UNIX-domain socket path.
   *
   * @param <T> what the step makes
   * @param path the socket path
   * @param step binds and starts it
   * @return what the step made
   * @throws StartupException if the step fails with an {@link IOException}
   */
  public static <T> T listen(Path path, Step<T> step) throws StartupException {
    return attempt("listen on", path.toString(), step);
  }

  /**
   * Connects to a server at an IP address and port.
   *
   * @param <T> what the step makes
   * @param address the server
   * @param step connects (and reads a banner, if the protocol has one)
   * @return what the step made
   * @throws StartupException if the step fails with an {@link IOException}, or the server's first
   *     bytes are not the protocol's ({@link ProtocolException})
   */
  public static <T> T connect(InetSocketAddress address, Step<T> step) throws StartupException {
    return attempt("connect to", HostPortConverter.format(address), step);
  }

  /**
   * Connects to a server at a UNIX-domain socket path.
   *
   * @param <T> what the step makes
   * @param path the server's socket path
   * @param step connects
   * @return what the step made
   * @throws StartupException if the step fails with an {@link IOException}
   */
  public static <T> T connect(Path path, Step<T> step) throws StartupException {
    return attempt("connect to", path.toString(), step);
  }

  /**
   * Resolves a host name (or parses an address) into a socket address.
   *
   * @param host a host name or a numeric address
   * @param port the port
   * @return the resolved address
   * @throws StartupException if the host is unknown
   * @throws IllegalArgumentException if the port is not in 0..65535
   */
  public static InetSocketAddress resolve(String host, int port) throws StartupException {
    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new StartupException("resolve", host, e);
    }
    return new InetSocketAddress(address, port);
  }

  /**
   * Runs any other step of a start.
   *
   * @param <T> what the step makes
   * @param action what the step does, e.g. {@code join}
   * @param target on what, e.g. {@code 224.225.226.227:2070}
   * @param step the step
   * @return what the step made
   * @throws StartupException if the step fails with an {@link IOException} or a
   *     {@link ProtocolException}
   */
  public static <T> T attempt(String action, String target, Step<T> step)
      throws StartupException {
    try {
      return step.run();
    } catch (IOException | ProtocolException e) {
      throw new StartupException(action, target, e);
    }
  }
}
