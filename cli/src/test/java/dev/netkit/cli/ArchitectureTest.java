package dev.netkit.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The allowed dependencies between netkit's modules and packages, checked on the compiled main
 * classes of every module on the launcher's class path (the launcher sees them all). A new arrow
 * that the table below does not allow fails the build; ARCHITECTURE.md at the root of the
 * repository describes the same rules, keep the two together.
 */
class ArchitectureTest {

  /** A module: its name in ARCHITECTURE.md and the package that holds all its classes. */
  private record Module(String name, String rootPackage) {

    String packages() {
      return rootPackage + "..";
    }

    boolean contains(String packageName) {
      return packageName.equals(rootPackage) || packageName.startsWith(rootPackage + ".");
    }
  }

  private static final Module CODEC = new Module("protocol-codec", "dev.netkit.codec");
  private static final Module SERVER = new Module("server-core", "dev.netkit.server");
  private static final Module CORPUS = new Module("corpus", "dev.netkit.corpus");
  private static final Module NETNS = new Module("netns", "dev.netkit.netns");
  private static final Module TEST_SUPPORT = new Module("test-support", "dev.netkit.testsupport");
  private static final Module JNI = new Module("jni", "dev.netkit.jni");
  private static final Module URGENT = new Module("urgent", "dev.netkit.urgent");
  private static final Module UDP = new Module("udp-echo", "dev.netkit.udp");
  private static final Module CHAT = new Module("chat-core", "dev.netkit.chat");
  private static final Module MULTICAST = new Module("multicast", "dev.netkit.multicast");
  private static final Module UNIX = new Module("unixdomain", "dev.netkit.unix");
  private static final Module TRAVESTY = new Module("travesty", "dev.netkit.travesty");
  private static final Module CLI = new Module("cli", "dev.netkit.cli");
  private static final Module BENCH = new Module("benchmarks", "dev.netkit.bench");

  /**
   * Which netkit modules each library module's main classes may use: the whole table. The
   * launcher ({@code cli}) may use every library; no library may use the launcher or the
   * benchmarks.
   */
  private static final Map<Module, Set<Module>> ALLOWED = allowed();

  private static Map<Module, Set<Module>> allowed() {
    Map<Module, Set<Module>> allowed = new LinkedHashMap<>();
    allowed.put(CODEC, Set.of());
    allowed.put(CORPUS, Set.of());
    allowed.put(JNI, Set.of());
    allowed.put(NETNS, Set.of());
    allowed.put(TEST_SUPPORT, Set.of(NETNS));
    // DatagramBatch: recvmmsg/sendmmsg through jni, for udp-echo's and chat-core's servers.
    allowed.put(SERVER, Set.of(CODEC, JNI));
    allowed.put(URGENT, Set.of(JNI));
    allowed.put(UDP, Set.of(CODEC, SERVER));
    // chat-core answers through server-core's reply policy (the one per-source budget) and does
    // its I/O through server-core's DatagramBatch.
    allowed.put(CHAT, Set.of(CODEC, SERVER));
    // The multicast chat extends chat-core, whose API speaks in codec types.
    allowed.put(MULTICAST, Set.of(CHAT, CODEC));
    allowed.put(UNIX, Set.of(CODEC, SERVER, JNI));
    // travesty reaches urgent data through netkit-urgent only, never the JNI layer below it.
    allowed.put(TRAVESTY, Set.of(CODEC, SERVER, URGENT));
    allowed.put(CLI, Set.of(CODEC, SERVER, CORPUS, NETNS, TEST_SUPPORT, JNI, URGENT, UDP, CHAT,
        MULTICAST, UNIX, TRAVESTY));
    // The benchmarks measure every library (they are not on the launcher's class path).
    allowed.put(BENCH, Set.of(CODEC, SERVER, CORPUS, NETNS, JNI, URGENT, UDP, CHAT, MULTICAST,
        UNIX, TRAVESTY));
    return allowed;
  }

  private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar.*");

  /** Slices of netkit's packages, a package's {@code .internal} sub-package counted with it. */
  private static final SliceAssignment PACKAGES_WITH_THEIR_INTERNALS = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass type) {
      String name = type.getPackageName();
      if (!name.startsWith("dev.netkit.")) {
        return SliceIdentifier.ignore();
      }
      return SliceIdentifier.of(name.endsWith(INTERNAL)
          ? name.substring(0, name.length() - INTERNAL.length()) : name);
    }

    @Override
    public String getDescription() {
      return "netkit packages, each with its .internal package";
    }
  };

  private static final String INTERNAL = ".internal";

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ArchitectureTest::isMainCode)
        .importPackages("dev.netkit");
  }

  /** Main classes only: the build's test classes and test jars are not part of the design. */
  private static boolean isMainCode(Location location) {
    return !location.contains("/test-classes/") && !location.matches(TEST_JAR)
        && ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location);
  }

  @Test
  void everyModuleOnTheLaunchersClassPathIsImported() {
    for (Module module : List.of(CODEC, SERVER, CORPUS, NETNS, JNI, URGENT, UDP, CHAT, MULTICAST,
        UNIX, TRAVESTY, CLI)) {
      assertThat(classes.stream().anyMatch(c -> module.contains(c.getPackageName())))
          .as("classes of %s (%s) imported", module.name(), module.rootPackage())
          .isTrue();
    }
  }

  @Test
  void eachModuleUsesOnlyTheModulesItIsAllowedTo() {
    modules(ALLOWED).check(classes);
  }

  @Test
  void anArrowThatTheTableDoesNotAllowFails() {
    // The same check with one arrow taken out of the table (unixdomain -> jni, which its
    // datagram socket uses) must fail: the rule can fail, and names the arrow.
    Map<Module, Set<Module>> withoutUnixToJni = new LinkedHashMap<>(ALLOWED);
    withoutUnixToJni.put(UNIX, Set.of(CODEC, SERVER));

    EvaluationResult result = modules(withoutUnixToJni).evaluate(classes);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anySatisfy(line -> assertThat(line).contains("dev.netkit.unix.")
            .contains("dev.netkit.jni."));
  }

  /** The module rule: each module may use only the modules the table gives it. */
  private static ArchRule modules(Map<Module, Set<Module>> table) {
    LayeredArchitecture architecture = layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .withOptionalLayers(true);
    for (Module module : table.keySet()) {
      architecture = architecture.layer(module.name()).definedBy(module.packages());
    }
    for (Map.Entry<Module, Set<Module>> entry : table.entrySet()) {
      String[] allowed = entry.getValue().stream().map(Module::name).toArray(String[]::new);
      architecture = allowed.length == 0
          ? architecture.whereLayer(entry.getKey().name()).mayNotAccessAnyLayer()
          : architecture.whereLayer(entry.getKey().name()).mayOnlyAccessLayers(allowed);
    }
    return architecture;
  }

  @Test
  void noLibraryUsesTheLauncherOrTheBenchmarks() {
    noClasses().that().resideOutsideOfPackages(CLI.packages(), BENCH.packages())
        .should().dependOnClassesThat().resideInAnyPackage(CLI.packages(), BENCH.packages())
        .check(classes);
  }

  @Test
  void theCodecTouchesNoSocketsAndNoThreads() {
    noClasses().that().resideInAPackage(CODEC.packages())
        .should().dependOnClassesThat().resideInAnyPackage("java.net..", "java.nio.channels..",
            "java.util.concurrent..", "org.slf4j..")
        .as("codecs never touch sockets, threads or logs (DESIGN.md: codecs are pure)")
        .check(classes);
  }

  @Test
  void eachWireFormatStandsAlone() {
    // codec.chat, codec.localtime, codec.text, codec.travesty, …: each uses the shared codec
    // package only, never another format's package.
    Set<String> formats = new TreeSet<>();
    for (JavaClass type : classes) {
      String name = type.getPackageName();
      if (name.startsWith("dev.netkit.codec.")) {
        formats.add(name.substring("dev.netkit.codec.".length()).split("\\.")[0]);
      }
    }
    assertThat(formats).contains("chat", "localtime");
    for (String format : formats) {
      String own = "dev.netkit.codec." + format + "..";
      noClasses().that().resideInAPackage(own)
          .should().dependOnClassesThat(
              JavaClass.Predicates.resideInAPackage("dev.netkit.codec.*..")
                  .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage(own))))
          .as("the " + format + " wire format uses no other format's package")
          .check(classes);
    }
  }

  @Test
  void theTravestyEngineKnowsNoSocketsAndNoProtocol() {
    noClasses().that().resideInAPackage("dev.netkit.travesty")
        .should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage(
                "dev.netkit.travesty.*..", "dev.netkit.codec..", "dev.netkit.server..",
                "dev.netkit.urgent..", "java.net..", "java.nio.channels..", "org.slf4j..")
            .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage(
                "dev.netkit.codec.text.."))))
        .as("the travesty engine (dev.netkit.travesty) is pure: no protocol, sockets or logging;"
            + " it wraps text with the codec's Text::Wrap (dev.netkit.codec.text)")
        .check(classes);
    usesNone("dev.netkit.travesty.protocol..",
        "travesty's protocol package serves both sides and uses neither",
        "dev.netkit.travesty.server..", "dev.netkit.travesty.client..");
  }

  @Test
  void sharedPackagesDoNotUseTheSidesBuiltOnThem() {
    usesNone("dev.netkit.chat",
        "chat-core's shared package (channels, nicknames) uses no server, client or broadcast",
        "dev.netkit.chat.*..");
    usesNone("dev.netkit.chat.server..", "the chat server uses no client or discovery class",
        "dev.netkit.chat.client..", "dev.netkit.chat.broadcast..");
    usesNone("dev.netkit.unix",
        "unixdomain's sockets and socket files use no service (wrap, localtime)",
        "dev.netkit.unix.*..");
  }

  /** Checks that the classes of {@code packages} use none of the {@code forbidden} packages. */
  private static void usesNone(String packages, String because, String... forbidden) {
    noClasses().that().resideInAPackage(packages)
        .should().dependOnClassesThat().resideInAnyPackage(forbidden)
        .as(because)
        .check(classes);
  }

  @Test
  void librariesLogThroughTheSlf4jApiOnly() {
    noClasses().that().resideOutsideOfPackages(CLI.packages(), BENCH.packages())
        .should().dependOnClassesThat().resideInAnyPackage("ch.qos.logback..")
        .as("library modules depend on the SLF4J API only; Logback only in the launcher")
        .check(classes);
  }

  @Test
  void modulesHaveNoCycles() {
    slices().matching("dev.netkit.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void packagesHaveNoCycles() {
    // A package and its ".internal" implementation package count as one (jni's loader and
    // exceptions call into jni.internal, which reports through them). One known arrow back: the
    // tour starts the launcher's main class (NetkitMain) in its child hosts, and the launcher
    // lists the tour among its programs.
    slices().assignedFrom(PACKAGES_WITH_THEIR_INTERNALS).should().beFreeOfCycles()
        .ignoreDependency(JavaClass.Predicates.resideInAPackage("dev.netkit.cli.tour"),
            JavaClass.Predicates.equivalentTo(NetkitMain.class))
        .check(classes);
  }
}
