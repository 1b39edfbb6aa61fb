package dev.netkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netkit.cli.support.DurationConverter;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options of every program, read from picocli's model as {@code ./netkit PROGRAM --help}
 * shows them: one grammar for times, one name and label per concept, servers on loopback.
 */
class ProgramOptionsTest {

  /** Option names that say "a time" (or a unit of one): such an option must take a duration. */
  private static final Pattern TIME_NAME = Pattern.compile(
      "timeout|interval|delay|linger|period|logout|keep-alive|wait|-ms$|millis|seconds|secs");
  /** A parameter label: upper-case words, e.g. {@code N}, {@code DURATION}, {@code HOST:PORT}. */
  private static final Pattern LABEL = Pattern.compile("[A-Z][A-Z0-9]*(:[A-Z]+)?");
  /** Names replaced by the one name of their concept (in brackets). */
  private static final Set<String> RETIRED = Set.of(
      "--max-connections", // --max-clients
      "--listen", // --port
      "--quiet", "-q", // the default; --log-datagrams turns per-datagram logging on
      "--period", // --interval
      "--host", "--address", "--addr"); // --bind
  private static final Set<String> SERVERS = Set.of("urgent-recv", "travesty-server",
      "echo-server", "daytime-server", "udp-proxy", "chat-server", "mchat-server");

  private static Map<String, CommandLine> programs() {
    return NetkitMain.commandLine().getSubcommands();
  }

  private static List<OptionSpec> options(CommandLine program) {
    return program.getCommandSpec().options().stream()
        .filter(option -> !option.usageHelp() && !option.versionHelp()).toList();
  }

  @Test
  void everyTimeIsADurationReadByTheOneConverter() {
    List<String> problems = new ArrayList<>();
    programs().forEach((name, program) -> {
      for (OptionSpec option : options(program)) {
        boolean timeNamed = TIME_NAME.matcher(option.longestName()).find();
        boolean isDuration = option.type() == Duration.class;
        if (timeNamed && !isDuration) {
          problems.add(name + " " + option.longestName() + " is a time but takes a "
              + option.type().getSimpleName());
        }
        if (isDuration && (option.converters().length != 1
            || !(option.converters()[0] instanceof DurationConverter)
            || !option.paramLabel().equals(DurationConverter.LABEL))) {
          problems.add(name + " " + option.longestName() + " is a duration without "
              + "DurationConverter and the label DURATION");
        }
        String description = String.join(" ", option.description()).toLowerCase();
        if (!isDuration && description.matches(".*\\b(seconds|milliseconds|millis)\\b.*")) {
          problems.add(name + " " + option.longestName() + " counts time in a bare number: "
              + description);
        }
      }
    });
    assertThat(problems).isEmpty();
  }

  @Test
  void helpShowsDefaultDurationsAsTheyAreTyped() {
    programs().forEach((name, program) -> {
      String help = program.getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("\\s+", " ");
      assertThat(help).as(name).doesNotContainPattern("PT\\d").doesNotContain("localhost/");
      for (OptionSpec option : options(program)) {
        if (option.initialValue() instanceof Duration initial) {
          assertThat(help).as(name + " " + option.longestName())
              .contains("default: " + DurationConverter.format(initial));
        }
      }
    });
  }

  @Test
  void everyParameterLabelIsUpperCaseWords() {
    List<String> problems = new ArrayList<>();
    programs().forEach((name, program) -> {
      List<ArgSpec> args = new ArrayList<>(program.getCommandSpec().positionalParameters());
      args.addAll(options(program));
      for (ArgSpec arg : args) {
        if (arg.arity().max() > 0 && !LABEL.matcher(arg.paramLabel()).matches()) {
          problems.add(name + ": " + arg.paramLabel());
        }
      }
    });
    assertThat(problems).isEmpty();
  }

  @Test
  void anOptionNameMeansTheSameInEveryProgram() {
    Map<String, String> meaning = new HashMap<>();
    List<String> problems = new ArrayList<>();
    programs().forEach((name, program) -> {
      for (OptionSpec option : options(program)) {
        String kind = kind(option.type()) + " " + option.paramLabel();
        String first = meaning.putIfAbsent(option.longestName(), kind);
        if (first != null && !first.equals(kind)) {
          problems.add(name + " " + option.longestName() + ": " + kind + ", elsewhere " + first);
        }
        for (String alias : option.names()) {
          if (RETIRED.contains(alias)) {
            problems.add(name + " still has " + alias);
          }
        }
      }
    });
    assertThat(problems).isEmpty();
  }

  /** The kind of value an option takes: the type, with every integer type as one. */
  private static String kind(Class<?> type) {
    return Set.of(int.class, long.class, Integer.class, Long.class).contains(type) ? "integer"
        : type.getSimpleName();
  }

  @Test
  void serversListenOnLoopbackUnlessGivenBind() {
    Set<String> withBind = new TreeSet<>();
    programs().forEach((name, program) -> {
      OptionSpec bind = program.getCommandSpec().findOption("--bind");
      if (bind != null) {
        withBind.add(name);
        assertThat(bind.type()).as(name).isEqualTo(InetAddress.class);
        assertThat(bind.initialValue()).as(name).isEqualTo(InetAddress.getLoopbackAddress());
        assertThat(program.getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("\\s+", " "))
            .as(name)
            .contains("default: " + InetAddress.getLoopbackAddress().getHostAddress())
            .contains("0.0.0.0 for every interface");
      }
    });
    assertThat(withBind).isEqualTo(new TreeSet<>(SERVERS));
  }

  /** Issue 15: every UDP server that answers datagrams takes the reply budget's options. */
  @Test
  void everyUdpServerTakesTheReplyBudget() {
    for (String name : List.of("echo-server", "daytime-server", "chat-server", "mchat-server")) {
      CommandSpec spec = programs().get(name).getCommandSpec();
      for (String option : List.of("--reply-rate", "--reply-byte-rate", "--reply-burst")) {
        assertThat(spec.findOption(option)).as(name + " " + option).isNotNull();
      }
    }
  }

  /**
   * One idiom for per-datagram logging: every UDP server takes {@code --log-datagrams}, a flag of
   * its configuration, with one description (the mixin {@code LogDatagramsOption}).
   */
  @Test
  void everyUdpServerLogsDatagramsWithTheOneOption() {
    Set<String> descriptions = new TreeSet<>();
    for (String name : List.of("echo-server", "daytime-server", "chat-server", "mchat-server")) {
      OptionSpec option = programs().get(name).getCommandSpec().findOption("--log-datagrams");
      assertThat(option).as(name).isNotNull();
      assertThat(option.type()).as(name).isEqualTo(boolean.class);
      descriptions.add(String.join(" ", option.description()));
    }
    assertThat(descriptions).hasSize(1);
  }

  @Test
  void everyProgramHasHelpAndVersion() {
    programs().forEach((name, program) ->
        assertThat(program.getCommandSpec().mixinStandardHelpOptions()).as(name).isTrue());
  }
}
