package dev.netkit.netns;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A throw-away Linux network namespace: created with {@code ip netns add} under a name unique to
 * this run ({@code nk-LABEL-PID-N}), its loopback up, and deleted by {@link #close()} together
 * with every process still running in it. Should a caller forget to close it, it is deleted when
 * the JVM exits; namespaces left by a JVM that died are deleted (their processes killed) by the
 * next {@link #create(String)} of any later run.
 *
 * <p>Inside it one can run commands ({@link #exec(String...)}), child JVMs on the current class
 * path ({@link #launchJava(Class, String...)}), {@code ip} commands ({@link #ip(String...)}) and
 * nftables rulesets ({@link #applyNftables(String)}); {@link VethLink} joins two namespaces and
 * {@link TwoHosts} is the usual pair of hosts. The calling JVM itself stays in the root
 * namespace.
 *
 * <p>Limits: at most {@value #MAX_OPEN} namespaces open at once per JVM; every {@code ip} or
 * {@code nft} command may take 30 s at most; closing waits up to 10 s per process it kills.
 *
 * <p>Needs root and iproute2 ({@code nft} too for rulesets): see {@link NamespaceSupport}, or
 * guard tests with {@link RequiresNetworkNamespaces} or {@link WithTwoHosts}. Thread-safe.
 */
public final class NetworkNamespace implements AutoCloseable {

  /** How many namespaces one JVM may have open at once. */
  public static final int MAX_OPEN = 64;

  private static final String PREFIX = "nk-";
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]{1,12}");
  private static final Pattern OUR_NAME = Pattern.compile("nk-[a-z0-9]{1,12}-(\\d+)-\\d+");
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final Set<NetworkNamespace> OPEN = ConcurrentHashMap.newKeySet();
  private static final Semaphore OPEN_PERMITS = new Semaphore(MAX_OPEN);
  private static final Object CLEANUP_LOCK = new Object();
  private static boolean cleanedUp;

  private final String name;
  private final List<ProcessHandle> processes = new ArrayList<>();
  private boolean closed;

  private NetworkNamespace(String name) {
    this.name = name;
  }

  /**
   * Creates a namespace with its loopback interface up.
   *
   * @param label a short tag for the name, e.g. {@code udp} ({@code [a-z0-9]{1,12}})
   * @return the new namespace
   * @throws IOException if {@code ip netns add} or bringing up loopback fails (for example when
   *     not root)
   * @throws IllegalArgumentException if {@code label} is not of the allowed form
   * @throws IllegalStateException if this JVM already has {@value #MAX_OPEN} namespaces open
   */
  public static NetworkNamespace create(String label) throws IOException {
    if (!LABEL.matcher(label).matches()) {
      throw new IllegalArgumentException("label : " + label + " (expected: [a-z0-9]{1,12})");
    }
    if (!OPEN_PERMITS.tryAcquire()) {
      throw new IllegalStateException("open namespaces : " + (MAX_OPEN + 1)
          + " (expected: <= " + MAX_OPEN + ")");
    }
    String name = PREFIX + label + "-" + ProcessHandle.current().pid() + "-"
        + COUNTER.incrementAndGet();
    try {
      deleteStaleOnce();
      Commands.runChecked(Commands.ip(), "netns", "add", name);
    } catch (IOException | RuntimeException e) {
      OPEN_PERMITS.release();
      throw e;
    }
    NetworkNamespace namespace = new NetworkNamespace(name);
    OPEN.add(namespace);
    ShutdownCleanup.install();
    try {
      namespace.ip("link", "set", "lo", "up");
    } catch (IOException e) {
      namespace.close();
      throw e;
    }
    return namespace;
  }

  /**
   * Returns the namespace's name, as {@code ip netns} knows it.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Runs {@code ip -n NAME ARGS…} and waits for it.
   *
   * @param args the arguments after {@code ip -n NAME}, e.g. {@code route add 224.0.0.0/4 dev lo}
   * @return how it ended (status 0)
   * @throws IOException if it fails, with {@code ip}'s error message
   */
  public CommandResult ip(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Commands.ip(), "-n", name));
    command.addAll(List.of(args));
    return Commands.run(null, command).orThrow();
  }

  /**
   * Lets the loopback interface carry multicast: turns its {@code MULTICAST} flag on and routes
   * {@code 224.0.0.0/4} through it, so that multicast sent with loopback enabled stays inside.
   * For a namespace alone; {@link TwoHosts} routes multicast over its link instead.
   *
   * @return this namespace
   * @throws IOException if an {@code ip} command fails
   */
  public NetworkNamespace enableLoopbackMulticast() throws IOException {
    ip("link", "set", "lo", "multicast", "on");
    ip("route", "add", "224.0.0.0/4", "dev", "lo");
    return this;
  }

  /**
   * Loads an nftables ruleset into the namespace ({@code nft -f -} inside it). Example: drop 30%
   * of the UDP datagrams sent to port 2007.
   *
   * <pre>
   * table inet loss {
   *   chain out {
   *     type filter hook output priority 0; policy accept;
   *     udp dport 2007 numgen random mod 100 &lt; 30 drop
   *   }
   * }
   * </pre>
   *
   * @param ruleset the ruleset text (put each statement on its own line)
   * @throws IOException if {@code nft} is missing or rejects the ruleset, with its message
   */
  public void applyNftables(String ruleset) throws IOException {
    Objects.requireNonNull(ruleset, "ruleset");
    Commands.run(ruleset, List.of(Commands.ip(), "netns", "exec", name, Commands.nft(), "-f", "-"))
        .orThrow();
  }

  /**
   * Runs a command inside the namespace ({@code ip netns exec NAME COMMAND…}) without waiting.
   * The process is killed when this namespace closes, if it is still running.
   *
   * @param command the program and its arguments
   * @return the running process, output captured
   * @throws IOException if it cannot start
   * @throws IllegalStateException if the namespace is closed
   */
  public CapturedProcess exec(String... command) throws IOException {
    return exec(List.of(command));
  }

  /**
   * Runs a command inside the namespace, like {@link #exec(String...)}.
   *
   * @param command the program and its arguments
   * @return the running process, output captured
   * @throws IOException if it cannot start
   * @throws IllegalStateException if the namespace is closed
   */
  public CapturedProcess exec(List<String> command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command);
    Process process = start(builder);
    return CapturedProcess.of(builder.command(), process);
  }

  /**
   * Starts a process inside the namespace with the builder's settings (directory, environment,
   * redirections: e.g. {@link ProcessBuilder#inheritIO()} for a program whose output a person
   * watches). The builder's command is replaced by {@code ip netns exec NAME} followed by it. The
   * process is killed when this namespace closes, if it is still running.
   *
   * @param builder the process to start
   * @return the running process
   * @throws IOException if it cannot start
   * @throws IllegalStateException if the namespace is closed
   */
  public synchronized Process start(ProcessBuilder builder) throws IOException {
    if (closed) {
      throw new IllegalStateException("Namespace closed: " + name);
    }
    List<String> full = new ArrayList<>(List.of(Commands.ip(), "netns", "exec", name));
    full.addAll(builder.command());
    Process process = builder.command(full).start();
    processes.add(process.toHandle());
    return process;
  }

  /**
   * Starts a child JVM inside the namespace running {@code mainClass}, see
   * {@link #javaCommand(List, String, List)}.
   *
   * @param mainClass the class whose {@code main(String[])} runs
   * @param args the program arguments
   * @return the running child JVM, output captured
   * @throws IOException if it cannot start
   * @throws IllegalStateException if the namespace is closed
   */
  public CapturedProcess launchJava(Class<?> mainClass, String... args) throws IOException {
    return launchJava(List.of(), mainClass.getName(), List.of(args));
  }

  /**
   * Starts a child JVM inside the namespace, like {@link #launchJava(Class, String...)}, with extra
   * JVM options.
   *
   * @param jvmOptions options placed before the main class, e.g. {@code -Xmx64m}
   * @param mainClass the fully qualified name of the main class
   * @param args the program arguments
   * @return the running child JVM, output captured
   * @throws IOException if it cannot start
   * @throws IllegalStateException if the namespace is closed
   */
  public CapturedProcess launchJava(List<String> jvmOptions, String mainClass, List<String> args)
      throws IOException {
    return exec(javaCommand(jvmOptions, mainClass, args));
  }

  /**
   * Returns the command line of a child JVM like this one: this JVM's {@code java} and class path
   * (the test class path, in a test), its {@code --enable-native-access} flag when it has one, and
   * its {@code logback.configurationFile} property when set, then {@code jvmOptions} (which can
   * override that property), {@code mainClass} and {@code args}.
   *
   * @param jvmOptions options placed before the main class
   * @param mainClass the fully qualified name of the main class
   * @param args the program arguments
   * @return the command line, for {@link #start(ProcessBuilder)} or {@link #exec(List)}
   */
  public static List<String> javaCommand(List<String> jvmOptions, String mainClass,
      List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(arg -> arg.startsWith("--enable-native-access"))
        .forEach(command::add);
    String logback = System.getProperty("logback.configurationFile");
    if (logback != null) {
      command.add("-Dlogback.configurationFile=" + logback);
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.addAll(jvmOptions);
    command.add(mainClass);
    command.addAll(args);
    return command;
  }

  /**
   * Kills the processes started in the namespace and any other process still in it (as
   * {@code ip netns pids} lists them), then deletes it with its interfaces, and so the veth links
   * that end in it. Idempotent; failures to delete are ignored, as the next
   * {@link #create(String)} of any later run deletes what is left.
   */
  @Override
  public void close() {
    List<ProcessHandle> running;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      running = List.copyOf(processes);
    }
    running.forEach(CapturedProcess::kill);
    delete(name);
    OPEN.remove(this);
    OPEN_PERMITS.release();
  }

  /**
   * Tells whether {@link #close()} has run.
   *
   * @return true once closed
   */
  public synchronized boolean isClosed() {
    return closed;
  }

  @Override
  public String toString() {
    return "netns " + name;
  }

  /**
   * Kills what still runs in a namespace, then deletes it; failures are left for later runs. The
   * kill is not waited for: such processes are not our children, and once dead (even as zombies
   * nobody reaps) they no longer hold the namespace.
   */
  private static void delete(String name) {
    try {
      String pids = Commands.run(null, List.of(Commands.ip(), "netns", "pids", name)).stdout();
      pids.lines().map(String::strip).filter(pid -> pid.matches("\\d+"))
          .map(pid -> ProcessHandle.of(Long.parseLong(pid)))
          .forEach(handle -> handle.ifPresent(ProcessHandle::destroyForcibly));
      Commands.run(null, List.of(Commands.ip(), "netns", "del", name));
    } catch (IOException e) {
      // Left for the stale cleanup of a later run.
    }
  }

  /** Deletes namespaces named like ours whose creating JVM no longer runs. */
  private static void deleteStaleOnce() throws IOException {
    synchronized (CLEANUP_LOCK) {
      if (cleanedUp) {
        return;
      }
      cleanedUp = true;
    }
    String list = Commands.run(null, List.of(Commands.ip(), "netns", "list")).stdout();
    for (String line : list.split("\n")) {
      String candidate = line.strip().split("\\s+")[0];
      Matcher matcher = OUR_NAME.matcher(candidate);
      if (matcher.matches() && !Files.exists(Path.of("/proc", matcher.group(1)))) {
        delete(candidate);
      }
    }
  }

  /** Closes every namespace still open when the JVM exits. */
  private static final class ShutdownCleanup {
    static {
      Runtime.getRuntime().addShutdownHook(new Thread(
          () -> List.copyOf(OPEN).forEach(NetworkNamespace::close), "netns-cleanup"));
    }

    private ShutdownCleanup() {
    }

    static void install() {
      // Loading the class registers the hook, once.
    }
  }
}
