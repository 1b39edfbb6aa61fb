package dev.netkit.jni.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one static no-argument method in a child JVM with this JVM's class path, for tests that
 * need a JVM of their own: a fresh native library loader, system properties such as a pretended
 * {@code os.name}, several JVMs at once. The child prints {@code returned: VALUE} or
 * {@code threw CLASS: MESSAGE} as its last line. {@link #javaCommand(List, String, String...)}
 * builds the command for any other main class. Shipped in netkit-jni's test-jar.
 */
public final class ChildJvm {

  /** The longest a child may run before {@link #await(Process)} gives up on it. */
  public static final long TIMEOUT_SECONDS = 60;

  private ChildJvm() {
  }

  /**
   * The command that runs {@code owner.method()} in a child JVM (see {@link #main(String[])}):
   * this JVM's {@code java}, with native access on Java 22+, this JVM's logging configuration
   * and class path, then {@code jvmOptions}.
   *
   * @param jvmOptions options such as {@code -Dos.name=Windows}
   * @param owner the class of the method
   * @param method a static method without arguments
   * @return the command
   */
  public static List<String> command(List<String> jvmOptions, Class<?> owner, String method) {
    return javaCommand(jvmOptions, ChildJvm.class.getName(), owner.getName(), method);
  }

  /**
   * The command that runs any main class in a child JVM: this JVM's {@code java}, with native
   * access on Java 22+, this JVM's logging configuration and class path, then
   * {@code jvmOptions}, the main class and its arguments. When this JVM ignores SIGINT (it was
   * started in the background by a shell), the child gets SIGINT's default disposition back
   * (see {@link InheritedSignals}), so that SIGINT stops it as it would stop a JVM started from
   * a terminal.
   *
   * @param jvmOptions options such as {@code -Dos.name=Windows}
   * @param mainClass the fully qualified name of the main class
   * @param args its arguments
   * @return the command
   */
  public static List<String> javaCommand(List<String> jvmOptions, String mainClass,
      String... args) {
    return InheritedSignals.withDefaultInterrupt(bareJavaCommand(jvmOptions, mainClass, args));
  }

  /** {@link #javaCommand(List, String, String...)} with the inherited signal dispositions. */
  static List<String> bareJavaCommand(List<String> jvmOptions, String mainClass,
      String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (Runtime.version().feature() >= 22) {
      command.add("--enable-native-access=ALL-UNNAMED");
    }
    String logging = System.getProperty("logback.configurationFile");
    if (logging != null) {
      command.add("-Dlogback.configurationFile=" + logging);
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.addAll(jvmOptions);
    command.add(mainClass);
    command.addAll(List.of(args));
    return command;
  }

  /**
   * Starts a child JVM running {@link #command(List, Class, String)}, standard error merged into
   * its output.
   *
   * @param jvmOptions options such as {@code -Dos.name=Windows}
   * @param owner the class of the method
   * @param method a static method without arguments
   * @return the running child
   * @throws IOException when it cannot start
   */
  public static Process start(List<String> jvmOptions, Class<?> owner, String method)
      throws IOException {
    return new ProcessBuilder(command(jvmOptions, owner, method)).redirectErrorStream(true).start();
  }

  /**
   * Runs the method in a child JVM with no input and returns its output.
   *
   * @param jvmOptions options such as {@code -Dos.name=Windows}
   * @param owner the class of the method
   * @param method a static method without arguments
   * @return everything the child printed
   * @throws IOException when it cannot start, or runs longer than {@link #TIMEOUT_SECONDS}
   * @throws InterruptedException when interrupted while waiting
   */
  public static String run(List<String> jvmOptions, Class<?> owner, String method)
      throws IOException, InterruptedException {
    Process child = start(jvmOptions, owner, method);
    child.getOutputStream().close();
    return await(child);
  }

  /**
   * Waits for a child to end and returns its output.
   *
   * @param child a child from {@link #start(List, Class, String)}
   * @return everything it printed
   * @throws IOException when it runs longer than {@link #TIMEOUT_SECONDS} (it is killed then)
   * @throws InterruptedException when interrupted while waiting
   */
  public static String await(Process child) throws IOException, InterruptedException {
    try (InputStream out = child.getInputStream()) {
      String output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
      if (!child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new IOException("child JVM still running after " + TIMEOUT_SECONDS + " s: " + output);
      }
      return output;
    } finally {
      child.destroyForcibly();
    }
  }

  /**
   * Releases children waiting in {@link #awaitGo()} by closing their standard input.
   *
   * @param children the children, released one right after the other
   * @throws IOException when a pipe cannot be closed
   */
  public static void go(List<Process> children) throws IOException {
    for (Process child : children) {
      OutputStream in = child.getOutputStream();
      in.close();
    }
  }

  /**
   * In a child: blocks until the parent calls {@link #go(List)}, so that several children can
   * do the next step at the same moment.
   *
   * @throws IOException when standard input cannot be read
   */
  public static void awaitGo() throws IOException {
    System.in.readAllBytes();
  }

  /**
   * The child's entry point: calls the static method {@code args[1]} of class {@code args[0]}
   * and prints what came of it.
   *
   * @param args the class name and the method name
   * @throws ReflectiveOperationException when there is no such method
   */
  public static void main(String[] args) throws ReflectiveOperationException {
    Method method = Class.forName(args[0]).getDeclaredMethod(args[1]);
    method.setAccessible(true);
    try {
      Object value = method.invoke(null);
      System.out.println("returned: " + value);
    } catch (InvocationTargetException e) {
      Throwable thrown = e.getCause();
      System.out.println("threw " + thrown.getClass().getName() + ": " + thrown.getMessage());
    }
  }
}
