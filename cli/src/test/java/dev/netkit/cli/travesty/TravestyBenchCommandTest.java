package dev.netkit.cli.travesty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netkit.cli.NetkitMain;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TravestyBenchCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return NetkitMain.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void printsOneLineOfKeyValuePairs(@TempDir Path dir) throws IOException {
    Path corpus = Files.writeString(dir.resolve("corpus.txt"),
        "the cat sat on the mat.\n  the dog sat on the cat.\nno newline at the end");

    assertThat(run("travesty-bench", "--corpus", corpus.toString(), "--words", "5000",
        "--rounds", "2")).isZero();

    assertThat(out.toString().lines()).hasSize(1);
    Map<String, String> values = Arrays.stream(out.toString().strip().split(" "))
        .map(pair -> pair.split("=", 2))
        .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
    assertThat(values).containsEntry("words_in", "17").containsEntry("unique_words", "11")
        .containsEntry("words_out", "5000").containsEntry("order", "2")
        .containsEntry("rounds", "2").containsEntry("bytes", String.valueOf(Files.size(corpus)))
        .containsKeys("build_MBps", "gen_words_per_s", "states", "index_ms", "heap_used_mb",
            "cold_build_MBps", "cold_gen_words_per_s", "build_ms", "gen_ms", "rss_kb");
    assertThat(Double.parseDouble(values.get("gen_words_per_s"))).isPositive();
    assertThat(out.toString().strip()).as("rss_kb ends the line").matches(".* rss_kb=\\d+");
    assertThat(Long.parseLong(values.get("rss_kb"))).isPositive();
  }

  @Test
  void rejectsBadNumbers(@TempDir Path dir) throws IOException {
    Path corpus = Files.writeString(dir.resolve("corpus.txt"), "a b c");

    assertThat(run("travesty-bench", "--corpus", corpus.toString(), "--order", "5")).isEqualTo(2);
    assertThat(err.toString()).contains("--order 1-4");
  }
}
