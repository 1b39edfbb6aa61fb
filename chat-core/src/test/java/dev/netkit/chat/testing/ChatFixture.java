package dev.netkit.chat.testing;

import dev.netkit.chat.server.ChatServer;
import dev.netkit.chat.server.ChatServerConfig;
import dev.netkit.testsupport.CloseAfterEach;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension for chat tests: starts servers on a loopback port chosen by the system, opens
 * raw peers, and closes all of them (and anything else given to {@link #use}) after each test.
 */
public final class ChatFixture implements AfterEachCallback {

  private final CloseAfterEach resources = new CloseAfterEach();

  /**
   * Starts a server bound to 127.0.0.1 port 0.
   *
   * @param settings changes to the builder after the bind address is set
   * @return the running server
   * @throws Exception if it cannot start
   */
  public ChatServer startServer(UnaryOperator<ChatServerConfig.Builder> settings)
      throws Exception {
    ChatServerConfig.Builder builder = ChatServerConfig.builder()
        .bindAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    return use(new ChatServer(settings.apply(builder).build())).start();
  }

  /**
   * Starts a server with the default configuration, bound to 127.0.0.1 port 0.
   *
   * @return the running server
   * @throws Exception if it cannot start
   */
  public ChatServer startServer() throws Exception {
    return startServer(builder -> builder);
  }

  /**
   * Opens a raw peer on 127.0.0.1.
   *
   * @param server the server it talks to
   * @return the peer
   */
  public ChatPeer peer(InetSocketAddress server) {
    return use(ChatPeer.open(server));
  }

  /**
   * Opens a raw peer on another loopback address.
   *
   * @param server the server it talks to
   * @param loopback the local address, inside 127.0.0.0/8
   * @return the peer
   */
  public ChatPeer peer(InetSocketAddress server, String loopback) {
    return use(ChatPeer.open(server, loopback));
  }

  /**
   * Closes a resource after the current test.
   *
   * @param resource the open resource
   * @param <T> its type
   * @return the same resource
   */
  public <T extends AutoCloseable> T use(T resource) {
    return resources.use(resource);
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    resources.afterEach(context);
  }
}
