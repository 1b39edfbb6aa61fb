package dev.netkit.bench;

import dev.netkit.codec.LineDecoder;
import dev.netkit.corpus.Corpus;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.LineBasedFrameDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * CRLF line decoding of the whole sample text ({@link Corpus}: by default 8,328 lines, 475 KB as
 * CRLF lines; {@code -Dnetkit.corpus=FILE} picks another) arriving in chunks
 * of {@code chunkSize} bytes, netkit's {@link LineDecoder} side by side with Netty's
 * {@link LineBasedFrameDecoder}: same chunks, same limit (8192), both yielding each line as a
 * {@code String} (UTF-8) or as a {@code byte[]}.
 *
 * <p>Netty is driven the way its {@code ByteToMessageDecoder} drives it, without a channel
 * pipeline (whose per-message dispatch would only add to Netty's time): each chunk is merged
 * into the cumulation with {@link ByteToMessageDecoder#MERGE_CUMULATOR}, frames are taken until
 * {@code decode} returns null, each frame is converted and released, and read bytes are
 * discarded every 16 reads as in {@code channelRead}. One op = the whole text.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LineDecoderBenchmark {

  private static final int MAX_LINE_LENGTH = 8192;
  private static final int DISCARD_AFTER_READS = 16;

  @Param({"4096"})
  public int chunkSize;

  private List<byte[]> chunks;

  /** Netty's decoder with its frame-level {@code decode} made callable. */
  static final class NettyLines extends LineBasedFrameDecoder {
    NettyLines() {
      super(MAX_LINE_LENGTH, true, true);
    }

    ByteBuf next(ByteBuf cumulation) throws Exception {
      return (ByteBuf) decode(null, cumulation);
    }
  }

  /**
   * Loads and cuts the text, and checks that both decoders see the same lines.
   *
   * @throws Exception if Netty fails
   */
  @Setup
  public void setUp() throws Exception {
    byte[] text = crlfLines();
    chunks = chunks(text, chunkSize);
    List<String> netkit = new ArrayList<>();
    LineDecoder decoder = new LineDecoder(MAX_LINE_LENGTH);
    for (byte[] chunk : chunks) {
      ByteBuffer buffer = ByteBuffer.wrap(chunk);
      decoder.decode(buffer).ifPresent(netkit::add);
      while (buffer.hasRemaining()) {
        decoder.decode(buffer).ifPresent(netkit::add);
      }
    }
    List<String> netty = new ArrayList<>();
    NettyLines lines = new NettyLines();
    ByteBuf all = Unpooled.wrappedBuffer(text);
    for (ByteBuf frame = lines.next(all); frame != null; frame = lines.next(all)) {
      netty.add(frame.toString(StandardCharsets.UTF_8));
      frame.release();
    }
    if (netkit.isEmpty() || !netkit.equals(netty)) {
      throw new IllegalStateException("decoders disagree: " + netkit.size() + " netkit lines, "
          + netty.size() + " Netty lines");
    }
  }

  /** The sample text as one CRLF line per text line, UTF-8. */
  private static byte[] crlfLines() {
    StringBuilder lines = new StringBuilder();
    Corpus.text().lines().forEach(line -> lines.append(line).append("\r\n"));
    return lines.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Cuts {@code bytes} into chunks of {@code size} bytes (the last one shorter), like reads. */
  private static List<byte[]> chunks(byte[] bytes, int size) {
    List<byte[]> chunks = new ArrayList<>();
    for (int i = 0; i < bytes.length; i += size) {
      chunks.add(Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + size)));
    }
    return chunks;
  }

  /**
   * netkit, lines as strings.
   *
   * @param sink consumes the lines
   */
  @Benchmark
  public void netkitStrings(Blackhole sink) {
    netkit(sink, LineDecoder::decode);
  }

  /**
   * Netty, lines as strings.
   *
   * @param sink consumes the lines
   * @throws Exception never for this input
   */
  @Benchmark
  public void nettyStrings(Blackhole sink) throws Exception {
    netty(sink, frame -> frame.toString(StandardCharsets.UTF_8));
  }

  /**
   * netkit, lines as byte arrays.
   *
   * @param sink consumes the lines
   */
  @Benchmark
  public void netkitBytes(Blackhole sink) {
    netkit(sink, LineDecoder::decodeBytes);
  }

  /**
   * Netty, lines as byte arrays.
   *
   * @param sink consumes the lines
   * @throws Exception never for this input
   */
  @Benchmark
  public void nettyBytes(Blackhole sink) throws Exception {
    netty(sink, ByteBufUtil::getBytes);
  }

  /** Every chunk through one netkit decoder; {@code next} takes one line as a string or bytes. */
  private void netkit(Blackhole sink, BiFunction<LineDecoder, ByteBuffer, Optional<?>> next) {
    LineDecoder decoder = new LineDecoder(MAX_LINE_LENGTH);
    for (byte[] chunk : chunks) {
      ByteBuffer buffer = ByteBuffer.wrap(chunk);
      for (Optional<?> line = next.apply(decoder, buffer); line.isPresent();
          line = next.apply(decoder, buffer)) {
        sink.consume(line.get());
      }
    }
  }

  /** Every chunk through Netty's decoder as its pipeline would; {@code convert} each frame. */
  private void netty(Blackhole sink, Function<ByteBuf, Object> convert) throws Exception {
    NettyLines decoder = new NettyLines();
    ByteBuf cumulation = Unpooled.EMPTY_BUFFER;
    int reads = 0;
    for (byte[] chunk : chunks) {
      cumulation = ByteToMessageDecoder.MERGE_CUMULATOR.cumulate(
          ByteBufAllocator.DEFAULT, cumulation, Unpooled.wrappedBuffer(chunk));
      for (ByteBuf frame = decoder.next(cumulation); frame != null;
          frame = decoder.next(cumulation)) {
        sink.consume(convert.apply(frame));
        frame.release();
      }
      cumulation = afterRead(cumulation, ++reads);
    }
    cumulation.release();
  }

  /** What {@code ByteToMessageDecoder.channelRead} does with the cumulation after a read. */
  private static ByteBuf afterRead(ByteBuf cumulation, int reads) {
    if (!cumulation.isReadable()) {
      cumulation.release();
      return Unpooled.EMPTY_BUFFER;
    }
    if (reads % DISCARD_AFTER_READS == 0) {
      cumulation.discardSomeReadBytes();
    }
    return cumulation;
  }
}
