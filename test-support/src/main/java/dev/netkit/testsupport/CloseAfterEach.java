package dev.netkit.testsupport;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that closes what a test opened, after each test, last opened first (like
 * try-with-resources). Register it on a field with {@code @RegisterExtension} and wrap every
 * server, client or socket in {@link #use(AutoCloseable)}.
 *
 * <p>Not thread-safe: open resources from the test thread.
 */
public final class CloseAfterEach implements AfterEachCallback {

  private final List<AutoCloseable> resources = new ArrayList<>();

  /** Creates an extension with nothing to close yet. */
  public CloseAfterEach() {
  }

  /**
   * Remembers a resource to close after the current test.
   *
   * @param resource the resource, already open
   * @param <T> its type
   * @return the same resource, for chaining
   */
  public <T extends AutoCloseable> T use(T resource) {
    resources.add(resource);
    return resource;
  }

  /**
   * Closes every remembered resource, last first, even when one fails; the first failure is
   * rethrown with the later ones added as suppressed.
   *
   * @param context the test's context (unused)
   * @throws Exception the first exception a close threw
   */
  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    Exception failure = null;
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    resources.clear();
    if (failure != null) {
      throw failure;
    }
  }
}
