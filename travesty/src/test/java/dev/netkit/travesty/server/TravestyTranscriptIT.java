package dev.netkit.travesty.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.netkit.corpus.Corpus;
import dev.netkit.jni.testing.RequiresNativeLibrary;
import dev.netkit.travesty.client.GenerationResult;
import dev.netkit.travesty.client.TravestyClient;
import dev.netkit.travesty.client.UploadProgress;
import dev.netkit.travesty.client.UploadResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The book's test session ("Testing the Travesty Server", chapter 17) end to end with the library
 * client: analyze, generate 100, an interrupted analyze, reset, analyze, an interrupted generate
 * 20000. The interrupts are the client's {@code abort()}, called where Ctrl-C would come: after
 * 128 KiB of the upload (once the server has analysed some of it), after 8 lines of the text. The transcript goes to
 * {@code target/travesty-transcript.txt}.
 */
@RequiresNativeLibrary
class TravestyTranscriptIT {

  private final StringBuilder transcript = new StringBuilder();

  @Test
  void theBooksSession() throws IOException {
    Path corpus = Corpus.path();
    try (TravestyServer server = ServerFixture.start();
        TravestyClient client = TravestyClient.connect(server.localAddress())) {
      UploadResult full = analyze(client, corpus, UploadProgress.NONE);
      assertThat(full.aborted()).isFalse();

      GenerationResult hundred = generate(client, 100, Long.MAX_VALUE);
      assertThat(hundred.aborted()).isFalse();

      UploadResult interrupted = analyze(client, corpus, (sent, total) -> {
        if (sent >= 128 * 1024) {
          // Like a user who waits a moment: the server has analysed its first 64 KiB (it
          // reserves words for them) before Ctrl-C.
          await().atMost(Duration.ofSeconds(30)).until(() -> server.stats().reservedWords() > 0);
          abort(client);
        }
      });
      assertThat(interrupted.aborted()).isTrue();
      assertThat(interrupted.words()).isPositive().isLessThan(full.words());

      command("reset");
      assertThat(client.reset().code()).isEqualTo(205);
      transcript.append("reset successful\n");
      assertThat(analyze(client, corpus, UploadProgress.NONE).words()).isEqualTo(full.words());

      GenerationResult cut = generate(client, 20_000, 8);
      assertThat(cut.aborted()).isTrue();
      assertThat(cut.lines()).isEqualTo(8);

      GenerationResult after = generate(client, 12, Long.MAX_VALUE);
      assertThat(after.aborted()).isFalse();
      command("bye");
      assertThat(client.bye().code()).isEqualTo(204);
    } finally {
      Path out = Path.of("target", "travesty-transcript.txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, transcript, StandardCharsets.UTF_8);
      System.out.print(transcript);
    }
  }

  private void command(String line) {
    transcript.append("> ").append(line).append('\n');
  }

  private UploadResult analyze(TravestyClient client, Path file, UploadProgress progress)
      throws IOException {
    command("analyze " + file);
    UploadResult result = client.analyze(file, progress);
    transcript.append("analyzing...").append(result.aborted() ? "interrupted!..." : "")
        .append("processed ").append(result.words()).append(" words\n");
    return result;
  }

  private GenerationResult generate(TravestyClient client, long words, long abortAfterLines)
      throws IOException {
    command("generate " + words);
    AtomicLong lines = new AtomicLong();
    GenerationResult result = client.generate(words, line -> {
      transcript.append(line).append('\n');
      if (lines.incrementAndGet() == abortAfterLines) {
        abort(client);
      }
    });
    if (result.aborted()) {
      transcript.append("[interrupted] (").append(result.bytesDiscarded())
          .append(" bytes discarded up to the server's urgent mark)\n");
    }
    return result;
  }

  private static void abort(TravestyClient client) {
    try {
      client.abort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
