package dev.netkit.netns;

import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link WithTwoHosts}; it can also be registered alone with
 * {@code @ExtendWith(TwoHostsExtension.class)}.
 *
 * <ul>
 *   <li>As an {@link ExecutionCondition} it skips the tests, with the reason, where namespaces
 *       cannot be made (see {@link NamespaceSupport#unavailabilityReason(boolean)}; nftables is
 *       required only when a {@link WithTwoHosts#nftables()} on the method or class says so).</li>
 *   <li>As a {@link ParameterResolver} it gives each test a fresh {@link TwoHosts}, made the first
 *       time the test, or one of its {@code @BeforeEach} methods, declares a {@code TwoHosts}
 *       parameter; every such parameter of that test gets the same pair. Namespaces are named
 *       after the test class, e.g. {@code nk-broadcastita-PID-N}.</li>
 *   <li>As an {@link AfterEachCallback} it deletes the pair after the test and its
 *       {@code @AfterEach} methods, whether the test passed or not.</li>
 * </ul>
 *
 * <p>Hosts are made per test only: a {@code TwoHosts} parameter of a constructor or a
 * {@code @BeforeAll} method fails with a {@link ParameterResolutionException} that says so.
 */
public final class TwoHostsExtension
    implements ExecutionCondition, ParameterResolver, AfterEachCallback {

  private static final ExtensionContext.Namespace STORE =
      ExtensionContext.Namespace.create(TwoHostsExtension.class);
  private static final String KEY = "hosts";
  private static final int MAX_LABEL = 11;

  /** Creates the extension (JUnit does, through {@link WithTwoHosts} or {@code @ExtendWith}). */
  public TwoHostsExtension() {
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return NetworkNamespaceCondition.evaluate(needsNftables(context));
  }

  private static boolean needsNftables(ExtensionContext context) {
    return nftables(context.getElement()) || nftables(context.getTestClass());
  }

  private static boolean nftables(Optional<? extends AnnotatedElement> element) {
    return element.flatMap(e -> AnnotationSupport.findAnnotation(e, WithTwoHosts.class))
        .map(WithTwoHosts::nftables).orElse(false);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TwoHosts.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (context.getTestMethod().isEmpty()) {
      throw new ParameterResolutionException("TwoHosts are made per test: declare them as a "
          + "parameter of a @Test or @BeforeEach method, not of "
          + parameter.getDeclaringExecutable());
    }
    return context.getStore(STORE).getOrComputeIfAbsent(KEY, key -> create(context),
        TwoHosts.class);
  }

  private static TwoHosts create(ExtensionContext context) {
    try {
      return TwoHosts.create(label(context));
    } catch (IOException | RuntimeException e) {
      throw new ParameterResolutionException("two hosts could not be made for "
          + context.getDisplayName() + ": " + e.getMessage(), e);
    }
  }

  /** The test class's simple name, lower case, letters and digits only, at most 11. */
  private static String label(ExtensionContext context) {
    String name = context.getTestClass().map(Class::getSimpleName).orElse("")
        .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    if (name.isEmpty()) {
      return "test";
    }
    return name.substring(0, Math.min(MAX_LABEL, name.length()));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TwoHosts hosts = context.getStore(STORE).remove(KEY, TwoHosts.class);
    if (hosts != null) {
      hosts.close();
    }
  }
}
