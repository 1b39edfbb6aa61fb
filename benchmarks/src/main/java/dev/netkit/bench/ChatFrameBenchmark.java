package dev.netkit.bench;

import dev.netkit.codec.chat.ChatFrame;
import dev.netkit.codec.chat.ChatFrameCodec;
import dev.netkit.codec.chat.ChatPayload;
import dev.netkit.codec.chat.PublicMessage;
import dev.netkit.corpus.Corpus;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Chat frames through the codec and back, with a {@code PUBLIC_MSG} whose text is a line of the
 * sample text ({@link Corpus}): the frame layer alone ({@link ChatFrame} → datagram →
 * {@link ChatFrame}) and with the typed payload on both ends ({@link PublicMessage} → datagram →
 * {@link PublicMessage}), which is what a chat server does per message.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ChatFrameBenchmark {

  private final ChatFrameCodec codec = new ChatFrameCodec();
  private PublicMessage message;
  private ChatFrame frame;

  /** Picks a message text of typical chat length from the sample text. */
  @Setup
  public void setUp() {
    String text = Corpus.text().lines().filter(line -> line.length() >= 60 && line.length() <= 120)
        .findFirst().orElseThrow();
    message = new PublicMessage("CurrentEvents", "alice", text);
    frame = message.toFrame();
  }

  /**
   * Frame to datagram and back.
   *
   * @return the decoded frame
   */
  @Benchmark
  public ChatFrame frameEncodeDecode() {
    return codec.decode(codec.encode(frame));
  }

  /**
   * Typed payload to datagram and back.
   *
   * @return the parsed payload
   */
  @Benchmark
  public ChatPayload payloadEncodeDecode() {
    return ChatPayload.parse(codec.decode(codec.encode(message)));
  }
}
