package dev.netkit.travesty.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.netkit.corpus.Corpus;
import dev.netkit.jni.testing.RequiresNativeLibrary;
import dev.netkit.travesty.Travesty;
import dev.netkit.travesty.protocol.UrgentLineReader.Input;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every command and error of the protocol, over loopback, with a hand-driven client. */
@RequiresNativeLibrary
class TravestyServerIT {

  private static final String TEXT = "the cat sat on the mat. the dog sat on the log.";

  @RegisterExtension
  final RunningServer running = RunningServer.with(() -> ServerFixture.builder()
      .maxGenerateWords(1000).maxLineLength(64).maxUploadBytes(10_000).maxWords(500));

  private RawConnection connect() throws IOException {
    RawConnection connection = new RawConnection(running.address());
    assertThat(connection.line()).isEqualTo("100 Travesty server version 1.0");
    return connection;
  }

  private static int uniqueWords(String text) {
    Travesty model = new Travesty();
    model.add(text);
    return model.uniqueWords();
  }

  @Test
  void dataGenerateResetBye() throws IOException {
    try (RawConnection c = connect()) {
      c.send("DATA");
      assertThat(c.line()).startsWith("201 ");
      c.send(TEXT).send(".");
      assertThat(c.line()).isEqualTo("202 processed " + uniqueWords(TEXT) + " words");

      c.send("GENERATE 40");
      assertThat(c.line()).isEqualTo("203 travesty follows");
      List<String> lines = c.block();
      assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l.length()).isLessThan(80));
      long words = lines.stream()
          .flatMap(l -> Arrays.stream(l.strip().split("\\s+")))
          .filter(w -> !w.isEmpty()).count();
      assertThat(words).isEqualTo(40);
      assertThat(lines).allSatisfy(l -> assertThat(Arrays.stream(l.strip().split("\\s+"))
          .filter(w -> !w.isEmpty())).allSatisfy(w -> assertThat(TEXT).contains(w)));

      c.send("reset");
      assertThat(c.line()).isEqualTo("205 travesty reset");
      c.send("GENERATE 5");
      assertThat(c.line()).isEqualTo("500 no data analyzed");
      c.send("BYE");
      assertThat(c.line()).isEqualTo("204 goodbye");
      assertThat(c.next().kind()).isEqualTo(Input.Kind.END);
    }
  }

  @Test
  void dataStartsFromAnEmptyModelAndUnstuffsDots() throws IOException {
    try (RawConnection c = connect()) {
      c.send("DATA").line();
      c.send("alpha beta gamma").send(".");
      assertThat(c.line()).isEqualTo("202 processed 3 words");
      c.send("DATA").line();
      c.send("..x .y").send(".");
      // "..x" is unstuffed to ".x": two words, the old model is gone.
      assertThat(c.line()).isEqualTo("202 processed 2 words");
      c.send("GENERATE 4");
      c.line();
      assertThat(String.join(" ", c.block()).split("\\s+"))
          .filteredOn(w -> !w.isEmpty()).containsOnly(".x", ".y");
    }
  }

  @Test
  void generateOnAnEmptyModel() throws IOException {
    try (RawConnection c = connect()) {
      c.send("GENERATE 10");
      assertThat(c.line()).isEqualTo("500 no data analyzed");
      c.send("GENERATE 0");
      assertThat(c.line()).isEqualTo("500 no data analyzed");
    }
  }

  @Test
  void badCommandsAndArguments() throws IOException {
    try (RawConnection c = connect()) {
      c.send("HELLO");
      assertThat(c.line()).isEqualTo("500 unknown command");
      c.send("DATA now");
      assertThat(c.line()).isEqualTo("500 unknown command");
      c.send("");
      assertThat(c.line()).isEqualTo("500 unknown command");
      c.send("GENERATE");
      assertThat(c.line()).isEqualTo("501 GENERATE needs a word count");
      c.send("GENERATE abc");
      assertThat(c.line()).isEqualTo("501 word count \"abc\" is not a number");
      c.send("GENERATE -5");
      assertThat(c.line()).isEqualTo("501 word count \"-5\" is negative");
      c.send("GENERATE 1001");
      assertThat(c.line()).isEqualTo("501 word count \"1001\" is over the limit of 1000");
      c.send("GENERATE 99999999999999999999999");
      assertThat(c.line()).startsWith("501 word count \"9999").endsWith("over the limit of 1000");
      c.sendRaw("DATA\r\n");
      assertThat(c.line()).startsWith("201");
      c.send("x").send(".");
      assertThat(c.line()).isEqualTo("202 processed 1 words");
    }
  }

  @Test
  void commandNamesAreAsciiCaseInsensitive() throws IOException {
    try (RawConnection c = connect()) {
      c.send("generate 5");
      assertThat(c.line()).isEqualTo("500 no data analyzed");
      c.send("Data");
      assertThat(c.line()).startsWith("201");
      c.send("x").send(".");
      assertThat(c.line()).isEqualTo("202 processed 1 words");
      c.send("re\u017fet");
      assertThat(c.line()).isEqualTo("500 unknown command");
      c.send("\treset ");
      assertThat(c.line()).isEqualTo("205 travesty reset");
      c.send("bye");
      assertThat(c.line()).isEqualTo("204 goodbye");
    }
  }

  @Test
  void tooLongCommandLineIsAnsweredAndSkipped() throws IOException {
    try (RawConnection c = connect()) {
      c.send("GENERATE " + "1".repeat(200));
      assertThat(c.line()).isEqualTo("501 command line too long (limit: 64 bytes)");
      c.send("RESET");
      assertThat(c.line()).isEqualTo("205 travesty reset");
    }
  }

  @Test
  void bareLineFeedsAndInvalidUtf8() throws IOException {
    try (RawConnection c = connect()) {
      c.sendRaw("RESET\n");
      assertThat(c.line()).isEqualTo("205 travesty reset");
      c.socket.getOutputStream().write(new byte[] {'R', (byte) 0xff, '\r', '\n'});
      assertThat(c.line()).isEqualTo("500 unknown command");
      // Uploads are bytes: Latin-1 text is analysed as it is.
      c.send("DATA").line();
      c.socket.getOutputStream().write("caf\u00e9 au lait\r\n.\r\n"
          .getBytes(StandardCharsets.ISO_8859_1));
      assertThat(c.line()).isEqualTo("202 processed 3 words");
    }
  }

  @Test
  void uploadOverTheSizeLimitIsDrainedAndAnswered() throws IOException {
    try (RawConnection c = connect()) {
      c.send("DATA").line();
      for (int i = 0; i < 600; i++) {
        c.send("w" + (i % 50) + " filler text here");
      }
      c.send(".");
      assertThat(c.line()).matches("552 upload over 10000 bytes; processed \\d+ words");
      c.send("GENERATE 3");
      assertThat(c.line()).isEqualTo("203 travesty follows");
      assertThat(c.block()).isNotEmpty();
    }
  }

  @Test
  void uploadOverTwiceTheLimitIsClosed() throws IOException {
    try (RawConnection c = connect()) {
      c.send("DATA").line();
      String line = "x".repeat(50);
      Input input = null;
      try {
        for (int i = 0; i < 2000; i++) {
          c.send(line);
        }
      } catch (IOException e) {
        // The server may close while we still write.
      }
      input = c.next();
      assertThat(input.text()).isEqualTo("552 upload over 10000 bytes; closing");
      assertThat(c.next().kind()).isEqualTo(Input.Kind.END);
    } catch (IOException e) {
      assertThat(e).hasMessageContaining("reset");
    }
  }

  @Test
  void uploadLineOverTheLimitAndWordLimit() throws IOException {
    try (RawConnection c = connect()) {
      c.send("DATA").line();
      c.send("ok words").send("y".repeat(100)).send("more words").send(".");
      assertThat(c.line()).isEqualTo("552 line over 64 bytes; processed 2 words");
      c.send("DATA").line();
      for (int i = 0; i < 120; i++) {
        c.send("a b c d e");
      }
      c.send(".");
      assertThat(c.line()).matches("552 more than 500 words; processed 5 words");
    }
  }

  @Test
  void tooManyClientsAreRefused() throws IOException {
    try (TravestyServer small = ServerFixture.start(ServerFixture.builder()
        .connections(ServerFixture.connections().maxConnections(2).build()));
        RawConnection a = new RawConnection(small.localAddress());
        RawConnection b = new RawConnection(small.localAddress())) {
      assertThat(a.line()).startsWith("100");
      assertThat(b.line()).startsWith("100");
      try (RawConnection c = new RawConnection(small.localAddress())) {
        assertThat(c.line()).isEqualTo("421 too many clients (limit: 2), try again later");
        assertThat(c.next().kind()).isEqualTo(Input.Kind.END);
      }
      a.send("BYE").line();
      await().atMost(Duration.ofSeconds(10)).until(() -> small.stats().connections().active() == 1);
      try (RawConnection d = new RawConnection(small.localAddress())) {
        assertThat(d.line()).startsWith("100");
      }
    }
  }

  @Test
  void aSessionThatFailsWithAnErrorEndsAloneAndTheServerGoesOn() throws IOException {
    AtomicInteger models = new AtomicInteger();
    try (TravestyServer fragile = ServerFixture.start(ServerFixture.builder()
        .connections(ServerFixture.connections().maxConnections(1).build())
        .models(() -> {
          if (models.incrementAndGet() == 1) {
            throw new OutOfMemoryError("no memory for this model (a test)");
          }
          return new Travesty();
        }))) {
      try (RawConnection first = new RawConnection(fragile.localAddress())) {
        assertThat(first.line()).isEqualTo("500 server out of memory; closing");
        assertThat(first.next().kind()).isEqualTo(Input.Kind.END);
      }
      await().atMost(Duration.ofSeconds(10))
          .until(() -> fragile.stats().connections().active() == 0);
      try (RawConnection second = new RawConnection(fragile.localAddress())) {
        assertThat(second.line()).startsWith("100");
        assertThat(second.send("BYE").line()).isEqualTo("204 goodbye");
      }
      assertThat(fragile.stats().connections().refused()).isZero();
    }
  }

  @Test
  void idleClientsAreClosed() throws IOException {
    try (TravestyServer quick = ServerFixture.start(ServerFixture.builder()
        .connections(ServerFixture.connections().idleTimeout(Duration.ofMillis(300)).build()));
        RawConnection c = new RawConnection(quick.localAddress())) {
      assertThat(c.line()).startsWith("100");
      assertThat(c.next().kind()).isEqualTo(Input.Kind.END);
      await().atMost(Duration.ofSeconds(10)).until(() -> quick.stats().connections().active() == 0);
    }
  }

  @Test
  void closeEndsSessions() throws IOException {
    TravestyServer other = ServerFixture.start();
    try (RawConnection c = new RawConnection(other.localAddress())) {
      assertThat(c.line()).startsWith("100");
      other.close();
      assertThat(c.next().kind()).isEqualTo(Input.Kind.END);
      assertThat(other.stats().connections().active()).isZero();
    }
  }

  @Test
  void corpusUploadCountsLikeTheEngine() throws IOException {
    String corpus = Corpus.text();
    try (TravestyServer big = ServerFixture.start();
        RawConnection c = new RawConnection(big.localAddress())) {
      c.line();
      c.send("DATA").line();
      c.sendRaw(corpus.replace("\n.", "\n.."));
      c.sendRaw("\r\n.\r\n");
      Travesty local = new Travesty();
      local.add(corpus);
      assertThat(c.line()).isEqualTo("202 processed " + local.uniqueWords() + " words");
      assertThat(big.stats().reservedWords()).isGreaterThanOrEqualTo(local.wordsAnalyzed());
    }
  }
}
