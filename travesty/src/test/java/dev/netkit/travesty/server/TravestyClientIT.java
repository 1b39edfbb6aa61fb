package dev.netkit.travesty.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.netkit.corpus.Corpus;
import dev.netkit.jni.testing.RequiresNativeLibrary;
import dev.netkit.travesty.Travesty;
import dev.netkit.travesty.client.GenerationResult;
import dev.netkit.travesty.client.TravestyClient;
import dev.netkit.travesty.client.UploadProgress;
import dev.netkit.travesty.client.UploadResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client library against the server: commands, aborts from other threads, many clients. */
@RequiresNativeLibrary
class TravestyClientIT {

  @RegisterExtension
  final RunningServer running = RunningServer.withDefaults();

  private TravestyClient connect() throws IOException {
    return TravestyClient.connect(running.address());
  }

  private static int uniqueWords(Path file) throws IOException {
    Travesty model = new Travesty();
    model.addFile(file);
    return model.uniqueWords();
  }

  /** The corpus repeated: megabytes of real text. */
  private static InputStream repeatedCorpus(int times) throws IOException {
    byte[] corpus = Files.readAllBytes(Corpus.path());
    List<InputStream> parts = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      parts.add(new ByteArrayInputStream(corpus));
      parts.add(new ByteArrayInputStream("\n".getBytes(StandardCharsets.US_ASCII)));
    }
    return new SequenceInputStream(Collections.enumeration(parts));
  }

  @Test
  void analyzeGenerateResetBye() throws IOException {
    Path corpus = Corpus.path();
    try (TravestyClient client = connect()) {
      assertThat(client.banner().format()).isEqualTo("100 Travesty server version 1.0");
      AtomicLong progress = new AtomicLong();
      UploadResult upload = client.analyze(corpus, (sent, total) -> {
        assertThat(total).isEqualTo(corpus.toFile().length());
        progress.set(sent);
      });
      assertThat(upload.aborted()).isFalse();
      assertThat(upload.reply().code()).isEqualTo(202);
      assertThat(upload.words()).isEqualTo(uniqueWords(corpus));
      assertThat(progress.get()).isEqualTo(corpus.toFile().length());

      List<String> lines = new ArrayList<>();
      GenerationResult text = client.generate(100, lines::add);
      assertThat(text.aborted()).isFalse();
      assertThat(text.reply().code()).isEqualTo(203);
      assertThat(String.join(" ", lines).strip().split("\\s+")).hasSize(100);
      assertThat(text.lines()).isEqualTo(lines.size());

      assertThat(client.reset().format()).isEqualTo("205 travesty reset");
      GenerationResult empty = client.generate(10, lines::add);
      assertThat(empty.reply().format()).isEqualTo("500 no data analyzed");
      assertThat(client.abort()).isFalse();
      assertThat(client.bye().format()).isEqualTo("204 goodbye");
    }
  }

  @Test
  void uploadKeepsLongLinesAndDotsIntact(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    String text = ".\n..x\n. y\r\n" + "word ".repeat(3000) + "\nend";
    Path file = Files.writeString(dir.resolve("text.txt"), text);
    try (TravestyClient client = connect()) {
      UploadResult upload = client.analyze(file, UploadProgress.NONE);
      assertThat(upload.words()).isEqualTo(uniqueWords(file));
      assertThat(upload.words()).isEqualTo(5); // ".", "..x", "y", "word", "end"
    }
  }

  @Test
  void abortUploadFromAnotherThreadWithMegabytesQueued() throws Exception {
    try (TravestyClient client = connect()) {
      AtomicLong sent = new AtomicLong();
      CompletableFuture<UploadResult> upload = RunningServer.async(
          () -> client.analyze(repeatedCorpus(200), -1, (bytes, total) -> sent.set(bytes)));
      await().atMost(Duration.ofSeconds(30)).until(() -> sent.get() > 4 << 20);
      assertThat(client.abort()).isTrue();
      UploadResult result = upload.get(30, TimeUnit.SECONDS);
      assertThat(result.aborted()).isTrue();
      assertThat(result.reply().code()).isEqualTo(202);
      assertThat(result.words()).isPositive();
      assertThat(result.bytesSent()).isLessThan(200L * Files.size(Corpus.path()));
      List<String> lines = new ArrayList<>();
      assertThat(client.generate(50, lines::add).aborted()).isFalse();
      assertThat(String.join(" ", lines).strip().split("\\s+")).hasSize(50);
    }
  }

  @Test
  void abortGenerationFromAnotherThread() throws Exception {
    try (TravestyClient client = connect()) {
      client.analyze(Corpus.path(), UploadProgress.NONE);
      AtomicLong lines = new AtomicLong();
      CompletableFuture<GenerationResult> text = RunningServer.async(
          () -> client.generate(10_000_000, line -> lines.incrementAndGet()));
      await().atMost(Duration.ofSeconds(30)).until(() -> lines.get() > 1000);
      assertThat(client.abort()).isTrue();
      GenerationResult result = text.get(30, TimeUnit.SECONDS);
      assertThat(result.aborted()).isTrue();
      assertThat(result.lines()).isEqualTo(lines.get()).isLessThan(1_000_000);
      assertThat(client.reset().code()).isEqualTo(205);
    }
  }

  @Test
  void abortRightAfterTheCommandAndAfterTheEnd() throws IOException {
    try (TravestyClient client = connect()) {
      client.analyze(Corpus.path(), UploadProgress.NONE);
      for (int round = 0; round < 30; round++) {
        // Abort at the first line, at the second, and (a 20-word text, all sent already)
        // after the server has ended the text.
        int abortAt = round % 3 == 1 ? 1 : 0;
        AtomicLong seen = new AtomicLong();
        GenerationResult result = client.generate(round % 3 == 2 ? 20 : 5000, line -> {
          if (seen.getAndIncrement() == abortAt) {
            try {
              client.abort();
            } catch (IOException e) {
              throw new RuntimeException(e);
            }
          }
        });
        assertThat(result.aborted()).isTrue();
        UploadResult small = client.analyze(new ByteArrayInputStream(
            "a b c d".getBytes(StandardCharsets.US_ASCII)), 7, UploadProgress.NONE);
        assertThat(small.reply().format()).isEqualTo("202 processed 4 words");
        client.analyze(Corpus.path(), UploadProgress.NONE);
      }
    }
  }

  @Test
  void manyClientsAtOnceEachWithItsOwnModel() throws Exception {
    int clients = 24;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        int id = i;
        results.add(pool.submit(() -> {
          try (TravestyClient client = connect()) {
            String text = ("client" + id + " says hello to the server again and again. ")
                .repeat(50);
            UploadResult upload = client.analyze(new ByteArrayInputStream(
                text.getBytes(StandardCharsets.US_ASCII)), -1, UploadProgress.NONE);
            assertThat(upload.words()).isEqualTo(9);
            List<String> lines = new ArrayList<>();
            client.generate(2000, lines::add);
            assertThat(String.join(" ", lines)).contains("client" + id)
                .doesNotContain("client" + (id + 1) + " ");
            client.bye();
            return "ok " + id;
          }
        }));
      }
      for (int i = 0; i < clients; i++) {
        assertThat(results.get(i).get(60, TimeUnit.SECONDS)).isEqualTo("ok " + i);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aStalledClientDoesNotBlockOthers() throws Exception {
    try (RawConnection stalled = new RawConnection(running.address())) {
      stalled.line();
      stalled.send("DATA").line();
      stalled.sendRaw(Files.readString(Corpus.path()).replace("\n.", "\n.."));
      stalled.send("").send(".").line();
      // A huge generation that nobody reads: its session blocks in a write.
      stalled.send("GENERATE 10000000");
      await().atMost(Duration.ofSeconds(30))
          .until(() -> stalled.socket.getInputStream().available() > 32 * 1024);
      try (TravestyClient other = connect()) {
        UploadResult upload = other.analyze(Corpus.path(), UploadProgress.NONE);
        assertThat(upload.words()).isEqualTo(uniqueWords(Corpus.path()));
        List<String> lines = new ArrayList<>();
        assertThat(other.generate(500, lines::add).aborted()).isFalse();
        assertThat(other.bye().code()).isEqualTo(204);
      }
      // The stalled session is still there, blocked in its write.
      await().atMost(Duration.ofSeconds(10))
          .until(() -> running.server().stats().connections().active() == 1);
    }
  }

  @Test
  void refusedConnectionIsAnError() throws IOException {
    try (TravestyServer one = ServerFixture.start(ServerFixture.builder()
        .connections(ServerFixture.connections().maxConnections(1).build()));
        TravestyClient first = TravestyClient.connect(one.localAddress())) {
      assertThat(first.banner().code()).isEqualTo(100);
      assertThatThrownBy(() -> TravestyClient.connect(one.localAddress()))
          .isInstanceOf(IOException.class)
          .hasMessage("server refused the connection: 421 too many clients (limit: 1), try"
              + " again later");
    }
  }
}
