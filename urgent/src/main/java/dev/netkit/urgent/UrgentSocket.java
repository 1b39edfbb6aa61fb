package dev.netkit.urgent;

import dev.netkit.jni.ConnectionResetSocketException;
import dev.netkit.jni.NativeLibrary;
import dev.netkit.jni.NotConnectedSocketException;
import dev.netkit.jni.internal.Poll;
import dev.netkit.jni.internal.UrgentSyscalls;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.ref.WeakReference;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;

/**
 * TCP urgent ("out-of-band") data on a connected {@link Socket} or blocking {@link SocketChannel}:
 * what chapter 17 of <i>Network Programming with Perl</i> does with {@code send}/{@code recv} and
 * {@code MSG_OOB}, {@code sockatmark} and {@code SO_OOBINLINE}, and what the JDK cannot do
 * (it can send urgent data and read it inline, but not receive it out of band, find the mark, or
 * wait for it). Normal data is written as usual, through the socket's stream or the channel, and
 * read through {@link #read(byte[], int, int)} or {@link #inputStream()} (see below).
 *
 * <pre>{@code
 * UrgentSocket urgent = UrgentSocket.of(socket);
 * urgent.sendUrgent((byte) '!');                        // tell the peer: abort!
 *
 * try (UrgentWatcher watcher = urgent.watch(read -> {   // the book's SIGURG handler
 *     byte[] stale = urgent.discardToMark();            // the rlogin idiom
 *   })) {
 *   BufferedReader in = new BufferedReader(new InputStreamReader(urgent.inputStream(), UTF_8));
 *   ...
 * }
 * }</pre>
 *
 * <p><b>How urgent data works, and its caveats</b> (the book's, which hold for every TCP stack):
 * <ol>
 *   <li>Only one byte is urgent. Sending several bytes with {@code MSG_OOB} makes only the last
 *       one urgent; the others are normal data.</li>
 *   <li>A stream has one urgent pointer. When urgent bytes are sent faster than the receiver
 *       reads them, only the last is urgent and the earlier ones fall into the normal stream.</li>
 *   <li>The urgent byte travels with the normal data and its flow control: the announcement can
 *       come before the byte ({@link UrgentRead.Status#NOT_ARRIVED_YET}), and when the receiver's
 *       buffer is full the byte only arrives after normal data is read. {@link #sendUrgent(byte)}
 *       itself waits while the sender's buffer is full.</li>
 *   <li>Normal reads stop at the urgent mark, so a program can {@link #atMark() find it} and
 *       {@link #discardToMark() discard} what was sent before the urgent byte.</li>
 *   <li>With {@link #setInline(boolean) SO_OOBINLINE} on, the urgent byte is the first byte read
 *       at the mark, and {@link #readUrgent()} reports {@link UrgentRead.Status#INLINE}.</li>
 * </ol>
 *
 * <p><b>Reading normal data:</b> use {@link #read(byte[], int, int)} or {@link #inputStream()}
 * rather than the socket's own stream while urgent data may come. On Linux a read that starts at
 * the mark steps over an urgent byte that was not read yet, and the kernel then forgets it; the
 * book's programs escape this only because {@code SIGURG} interrupts their read. These reads set
 * the byte aside first, or wait for a running {@link UrgentWatcher}'s listener. Do not put a
 * buffering layer between the socket and {@link #discardToMark()}: data from before the mark that
 * it holds cannot be discarded (the book's travesty programs clear their line buffer too).
 *
 * <p><b>Threads and closing:</b> {@link #of(Socket)} returns one instance per socket, so that
 * reads and a watcher coordinate; its methods are thread-safe. They use the socket's
 * descriptor: do not close the socket while another thread is inside one of them (the number
 * could be reused at once). An {@link UrgentWatcher} is safe, as it works on its own duplicate of
 * the descriptor. Linux on x86_64 only, through netkit's native library.
 */
public final class UrgentSocket {

  /** Default limit of {@link #discardToMark()}: 1 MiB. */
  public static final int DEFAULT_MAX_DISCARD_BYTES = 1 << 20;

  /** How often blocking waits wake to check whether the socket was closed meanwhile. */
  private static final int CLOSE_CHECK_MILLIS = 100;
  private static final int DISCARD_BUFFER_BYTES = 8192;

  /**
   * One instance per socket or channel, so that reads and a watcher share one gate. The values
   * are weak too: an instance refers to its socket, and would otherwise keep its own key alive.
   */
  private static final Map<Object, WeakReference<UrgentSocket>> INSTANCES = new WeakHashMap<>();

  private final Endpoint endpoint;
  private final UrgentGate gate = new UrgentGate();

  private UrgentSocket(Endpoint endpoint) {
    this.endpoint = endpoint;
  }

  private interface EndpointFactory {
    Endpoint create() throws IOException;
  }

  private static UrgentSocket instance(Object key, EndpointFactory factory) throws IOException {
    synchronized (INSTANCES) {
      WeakReference<UrgentSocket> reference = INSTANCES.get(key);
      UrgentSocket existing = reference == null ? null : reference.get();
      if (existing != null) {
        existing.endpoint.ensureOpen();
        return existing;
      }
      UrgentSocket created = new UrgentSocket(factory.create());
      INSTANCES.put(key, new WeakReference<>(created));
      return created;
    }
  }

  /**
   * Wraps a connected socket. A socket of a {@link SocketChannel} is treated as its channel. The
   * same socket always gives the same instance.
   *
   * @param socket a connected TCP socket of the JDK's own implementation
   * @return the urgent-data view of it
   * @throws java.net.SocketException {@code Socket is closed} or {@code Socket is not connected}
   * @throws IllegalArgumentException for a custom {@code SocketImpl}, or a non-blocking channel
   * @throws dev.netkit.jni.NativeLibraryUnavailableException when netkit's native library is not
   *     available (the message says why, e.g. an unsupported platform)
   * @throws IOException when the descriptor cannot be found
   */
  public static UrgentSocket of(Socket socket) throws IOException {
    Objects.requireNonNull(socket, "socket");
    NativeLibrary.ensureAvailable();
    if (socket.getChannel() != null) {
      return of(socket.getChannel());
    }
    return instance(socket, () -> new SocketEndpoint(socket));
  }

  /**
   * Wraps a connected, blocking socket channel. The same channel always gives the same instance.
   *
   * @param channel a connected channel of the JDK's default provider
   * @return the urgent-data view of it
   * @throws java.nio.channels.ClosedChannelException when the channel is closed
   * @throws java.nio.channels.NotYetConnectedException when it is not connected
   * @throws IllegalArgumentException when it is in non-blocking mode, or of another provider
   * @throws dev.netkit.jni.NativeLibraryUnavailableException when netkit's native library is not
   *     available (the message says why, e.g. an unsupported platform)
   * @throws IOException when the descriptor cannot be found
   */
  public static UrgentSocket of(SocketChannel channel) throws IOException {
    Objects.requireNonNull(channel, "channel");
    NativeLibrary.ensureAvailable();
    if (!channel.isBlocking()) {
      throw new IllegalArgumentException("channel is in non-blocking mode; urgent data needs a"
          + " blocking channel (a selector thread would race with urgent reads)");
    }
    return instance(channel, () -> new ChannelEndpoint(channel));
  }

  /**
   * Sends one byte of urgent data ({@code send} with {@code MSG_OOB}). It does not wait for a
   * write in progress on another thread, so it can interrupt a long upload; it waits while the
   * send buffer is full (caveat 3).
   *
   * @param data the urgent byte
   * @throws IOException naming {@code send(MSG_OOB)}, e.g. a
   *     {@link dev.netkit.jni.BrokenPipeSocketException} after the connection closed; or the
   *     JDK's exception when the socket is closed
   */
  public void sendUrgent(byte data) throws IOException {
    endpoint.ensureOpen();
    while (!UrgentSyscalls.sendUrgent(endpoint.descriptor(), data)) {
      // The JDK made the descriptor non-blocking (it does so for timeouts): wait for room.
      awaitReady(Poll.OUT, 0);
    }
  }

  /**
   * Reads the urgent byte out of band, without blocking ({@code recv} with {@code MSG_OOB}). A
   * byte that {@link #read(byte[], int, int)} or {@link #discardToMark()} set aside comes first.
   * While an {@link UrgentWatcher} runs, its listener gets the urgent data instead, and this
   * method normally finds nothing.
   *
   * @return the byte, or which of the three reasons (see {@link UrgentRead}) there is none;
   *     {@link UrgentRead.Status#NOTHING_PENDING} after the peer reset the connection (normal
   *     reads then return what was received before the reset, and report the reset after it)
   * @throws IOException naming {@code recv(MSG_OOB)}, or the JDK's exception when the socket is
   *     closed
   */
  public UrgentRead readUrgent() throws IOException {
    endpoint.ensureOpen();
    return gate.readUrgent(endpoint.descriptor());
  }

  /**
   * {@link #readUrgent()} on a given descriptor of this socket (the watcher's duplicate). After
   * a reset Linux refuses {@code recv(MSG_OOB)} with {@code ENOTCONN} (or {@code ECONNRESET})
   * although normal data received before the reset can still be read: for the urgent path that
   * is "nothing pending", so that the normal reads deliver that data and then report the reset,
   * once.
   */
  static UrgentRead readUrgent(int fd) throws IOException {
    int result;
    try {
      result = UrgentSyscalls.receiveUrgent(fd);
    } catch (NotConnectedSocketException | ConnectionResetSocketException e) {
      return UrgentRead.NOTHING_PENDING;
    }
    if (result >= 0) {
      return UrgentRead.received((byte) result);
    }
    if (result == UrgentSyscalls.NOT_ARRIVED_YET) {
      return UrgentRead.NOT_ARRIVED_YET;
    }
    if (result == UrgentSyscalls.NONE_PENDING && UrgentSyscalls.isOobInline(fd)) {
      return UrgentRead.INLINE;
    }
    return UrgentRead.NOTHING_PENDING;
  }

  /**
   * Tells whether the next normal read starts at the urgent mark ({@code sockatmark}): it then
   * returns the byte after the urgent byte, or with {@link #setInline(boolean) inline} on, the
   * urgent byte itself. Stays true until normal data is read.
   *
   * @return true at the mark
   * @throws IOException naming {@code sockatmark}, or the JDK's exception when the socket is
   *     closed
   */
  public boolean atMark() throws IOException {
    endpoint.ensureOpen();
    return UrgentSyscalls.atMark(endpoint.descriptor());
  }

  /**
   * Keeps urgent data inline or not ({@code SO_OOBINLINE}). Inline, the urgent byte is read with
   * the normal data, as the first byte at the mark; out of band (the default), normal reads skip
   * it and {@link #readUrgent()} returns it.
   *
   * @param on true to keep urgent data inline
   * @throws IOException naming {@code setsockopt(SO_OOBINLINE)}, or the JDK's exception when the
   *     socket is closed
   */
  public void setInline(boolean on) throws IOException {
    endpoint.ensureOpen();
    UrgentSyscalls.setOobInline(endpoint.descriptor(), on);
  }

  /**
   * Tells whether urgent data is kept inline ({@code SO_OOBINLINE}).
   *
   * @return the option's value
   * @throws IOException naming {@code getsockopt(SO_OOBINLINE)}, or the JDK's exception when the
   *     socket is closed
   */
  public boolean isInline() throws IOException {
    endpoint.ensureOpen();
    return UrgentSyscalls.isOobInline(endpoint.descriptor());
  }

  /**
   * Reads and returns the normal data before the urgent mark, up to
   * {@value #DEFAULT_MAX_DISCARD_BYTES} bytes: the book's rlogin idiom ({@code sysread} until
   * {@code sockatmark}). See {@link #discardToMark(OutputStream)}.
   *
   * @return the bytes discarded, empty when already at the mark
   * @throws UrgentMarkTooFarException when more than the limit comes before the mark
   * @throws EOFException when the stream ends before the mark
   * @throws IOException when reading fails
   */
  public byte[] discardToMark() throws IOException {
    return discardToMark(DEFAULT_MAX_DISCARD_BYTES);
  }

  /**
   * Reads and returns the normal data before the urgent mark, up to {@code maxBytes} bytes. See
   * {@link #discardToMark(OutputStream)}.
   *
   * @param maxBytes the most bytes to keep, at least 1
   * @return the bytes discarded, empty when already at the mark
   * @throws IllegalArgumentException when {@code maxBytes} is less than 1
   * @throws UrgentMarkTooFarException when more than {@code maxBytes} come before the mark (those
   *     read are consumed)
   * @throws EOFException when the stream ends before the mark
   * @throws IOException when reading fails
   */
  public byte[] discardToMark(int maxBytes) throws IOException {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes : " + maxBytes + " (expected: > 0)");
    }
    BoundedSink kept = new BoundedSink(maxBytes);
    discardToMark(kept);
    return kept.toByteArray();
  }

  /**
   * Reads normal data until the urgent mark and writes it to {@code sink}, without a limit. Reads
   * stop at the mark by themselves, so exactly the bytes sent before the urgent byte are
   * consumed; after it, the next read returns the byte after the urgent byte (or the urgent byte
   * itself, inline). Call it once urgent data has been announced ({@link UrgentWatcher}, or
   * {@link #readUrgent()} not {@link UrgentRead.Status#NOTHING_PENDING}); without an urgent mark
   * it reads until the stream ends. It waits for data as a read would, with the socket's read
   * timeout ({@code SO_TIMEOUT}) if it has one.
   *
   * @param sink where the discarded bytes go, e.g. {@link OutputStream#nullOutputStream()}
   * @return how many bytes were discarded
   * @throws EOFException when the stream ends before the mark
   * @throws SocketTimeoutException when the read timeout passes without data
   * @throws java.nio.channels.IllegalBlockingModeException when the channel was made
   *     non-blocking
   * @throws IOException when reading or the sink fails
   */
  public long discardToMark(OutputStream sink) throws IOException {
    Objects.requireNonNull(sink, "sink");
    endpoint.ensureBlocking();
    byte[] buffer = new byte[DISCARD_BUFFER_BYTES];
    long discarded = 0;
    while (!atMark()) {
      // POLLPRI too: a lone out-of-band byte at the mark does not make the socket readable.
      awaitReady(Poll.IN | Poll.PRI, endpoint.readTimeoutMillis());
      if (atMark()) {
        break;
      }
      int n = gatedRead(buffer, 0, buffer.length);
      if (n < 0) {
        throw new EOFException("stream ended before the urgent mark (" + discarded
            + " bytes discarded)");
      }
      sink.write(buffer, 0, n);
      discarded += n;
    }
    return discarded;
  }

  /**
   * Reads normal data, at most up to the urgent mark, blocking like the socket's own read (with
   * its {@code SO_TIMEOUT}). Use this read, or {@link #inputStream()}, rather than the socket's
   * stream whenever urgent data may come: on Linux a plain read that starts at the mark steps over
   * the urgent byte and the kernel forgets it. This read never does: without a watcher it first
   * sets the byte aside for {@link #readUrgent()}; with an {@link UrgentWatcher} it waits until the
   * watcher's listener has handled it, as the book's reads resume only after its
   * {@code SIGURG} handler.
   *
   * @param buffer where the data goes
   * @param offset the first index to fill
   * @param length the most bytes to read
   * @return how many bytes were read, at least 1 unless {@code length} is 0; -1 at the end of the
   *     stream
   * @throws SocketTimeoutException when the read timeout passes without data
   * @throws java.nio.channels.IllegalBlockingModeException when the channel was made
   *     non-blocking
   * @throws IOException when reading fails or the socket is closed
   */
  public int read(byte[] buffer, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    if (length == 0) {
      return 0;
    }
    endpoint.ensureBlocking();
    awaitReady(Poll.IN, endpoint.readTimeoutMillis());
    return gatedRead(buffer, offset, length);
  }

  /**
   * Returns a stream view of {@link #read(byte[], int, int)}, for readers and line decoders.
   * Closing the stream does not close the socket.
   *
   * @return the normal data of the socket
   */
  public InputStream inputStream() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return UrgentSocket.this.read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        return UrgentSocket.this.read(buffer, offset, length);
      }
    };
  }

  /** One read through the gate, once data (or the end) is known to be there. */
  private int gatedRead(byte[] buffer, int offset, int length) throws IOException {
    UrgentGate.Passage passage = gate.beforeRead(endpoint);
    int n = endpoint.read(buffer, offset, length);
    gate.afterRead(passage);
    return n;
  }

  /**
   * Starts an {@link UrgentWatcher} with its default intervals.
   *
   * @param listener called on the watcher's thread for each urgent byte
   * @return the running watcher; close it to stop it
   * @throws IOException when the watcher cannot start (closed socket, no descriptors left)
   */
  public UrgentWatcher watch(UrgentListener listener) throws IOException {
    return new UrgentWatcher(this, listener).start();
  }

  /**
   * Waits until normal data can be read or urgent data is announced ({@code poll} with
   * {@code POLLIN | POLLPRI}, the book's figure 17.4): a reader that waits for both notices an
   * urgent byte even when no normal data follows it. It does not read anything; after
   * {@link Readiness#URGENT}, call {@link #readUrgent()} (and {@link #discardToMark(OutputStream)})
   * before reading normal data. The wait wakes every {@value #CLOSE_CHECK_MILLIS} ms to check
   * that the socket is still open.
   *
   * @param timeout the longest wait; zero waits without limit
   * @return {@link Readiness#URGENT}, {@link Readiness#READABLE} (data, the end of the stream or
   *     an error to read) or {@link Readiness#TIMED_OUT}
   * @throws IllegalArgumentException when {@code timeout} is negative
   * @throws java.net.SocketException {@code Socket is closed} when the socket is closed before or
   *     during the wait (a {@link java.nio.channels.ClosedChannelException} for a channel)
   * @throws IOException naming {@code poll}
   */
  public Readiness awaitReadableOrUrgent(Duration timeout) throws IOException {
    int ready = poll(Poll.IN | Poll.PRI, timeoutMillis(timeout));
    return ready == 0 ? Readiness.TIMED_OUT
        : (ready & Poll.PRI) != 0 ? Readiness.URGENT : Readiness.READABLE;
  }

  /**
   * Waits until the socket can take more data or urgent data is announced ({@code poll} with
   * {@code POLLOUT | POLLPRI}), for a thread about to write a long reply: a peer that stopped
   * reading fills the send buffer, and a write blocked then would not notice the peer's abort
   * (the book's server is woken from such a write by {@code SIGURG}). The wait wakes every
   * {@value #CLOSE_CHECK_MILLIS} ms to check that the socket is still open.
   *
   * @param timeout the longest wait; zero waits without limit
   * @return {@link Readiness#URGENT}, {@link Readiness#WRITABLE} (room, or a failed or shut-down
   *     connection that the write will report) or {@link Readiness#TIMED_OUT}
   * @throws IllegalArgumentException when {@code timeout} is negative
   * @throws java.net.SocketException {@code Socket is closed} when the socket is closed before or
   *     during the wait (a {@link java.nio.channels.ClosedChannelException} for a channel)
   * @throws IOException naming {@code poll}
   */
  public Readiness awaitWritableOrUrgent(Duration timeout) throws IOException {
    int ready = poll(Poll.OUT | Poll.PRI, timeoutMillis(timeout));
    return ready == 0 ? Readiness.TIMED_OUT
        : (ready & Poll.PRI) != 0 ? Readiness.URGENT : Readiness.WRITABLE;
  }

  /**
   * Waits until urgent data is announced ({@code poll} with {@code POLLPRI}), for instance for
   * the urgent byte itself once its announcement came first (caveat 3): {@link #readUrgent()}
   * reported {@link UrgentRead.Status#NOT_ARRIVED_YET}. The wait wakes every
   * {@value #CLOSE_CHECK_MILLIS} ms to check that the socket is still open.
   *
   * @param timeout the longest wait; zero waits without limit
   * @return {@link Readiness#URGENT}, {@link Readiness#ENDED} (the peer finished sending or the
   *     connection failed: no urgent data can come any more) or {@link Readiness#TIMED_OUT}
   * @throws IllegalArgumentException when {@code timeout} is negative
   * @throws java.net.SocketException {@code Socket is closed} when the socket is closed before or
   *     during the wait (a {@link java.nio.channels.ClosedChannelException} for a channel)
   * @throws IOException naming {@code poll}
   */
  public Readiness awaitUrgent(Duration timeout) throws IOException {
    int ready = poll(Poll.PRI | Poll.RDHUP, timeoutMillis(timeout));
    return ready == 0 ? Readiness.TIMED_OUT
        : (ready & Poll.PRI) != 0 ? Readiness.URGENT : Readiness.ENDED;
  }

  /** A wait's timeout as {@link #poll(int, int)} takes it: 0 for none, else at least 1 ms. */
  private static int timeoutMillis(Duration timeout) {
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout : " + timeout + " (expected: >= 0)");
    }
    if (timeout.isZero()) {
      return 0;
    }
    long millis = timeout.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) >= 0
        ? Integer.MAX_VALUE : timeout.toMillis();
    return (int) Math.max(1, millis);
  }

  /**
   * Waits until the socket reports one of {@code events}, waking every
   * {@value #CLOSE_CHECK_MILLIS} ms to check that it is still open.
   *
   * @param events poll bits
   * @param timeoutMillis 0 waits without limit
   * @return the reported bits
   * @throws SocketTimeoutException when the timeout passes
   */
  int awaitReady(int events, int timeoutMillis) throws IOException {
    int ready = poll(events, timeoutMillis);
    if (ready == 0) {
      throw new SocketTimeoutException("Read timed out");
    }
    return ready;
  }

  /**
   * Polls for {@code events} in slices of {@value #CLOSE_CHECK_MILLIS} ms, checking between them
   * and after them that the socket is still open (closing it need not wake a {@code poll} on its
   * descriptor).
   *
   * @param events poll bits
   * @param timeoutMillis 0 waits without limit
   * @return the reported bits, or 0 when the timeout passed
   */
  private int poll(int events, int timeoutMillis) throws IOException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    while (true) {
      endpoint.ensureOpen();
      int slice = CLOSE_CHECK_MILLIS;
      if (timeoutMillis > 0) {
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        if (left <= 0) {
          return 0;
        }
        slice = (int) Math.min(slice, left);
      }
      int ready = Poll.poll(endpoint.descriptor(), events, slice);
      if (ready != 0) {
        // A close during the poll wakes it with POLLNVAL or POLLHUP (the JDK swaps in a dead
        // descriptor): that is the close, not readiness.
        endpoint.ensureOpen();
        return ready;
      }
    }
  }

  Endpoint endpoint() {
    return endpoint;
  }

  UrgentGate gate() {
    return gate;
  }

  @Override
  public String toString() {
    return "UrgentSocket[" + endpoint + "]";
  }

  /** Keeps what is written, up to a limit. */
  private static final class BoundedSink extends OutputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final int maxBytes;

    BoundedSink(int maxBytes) {
      this.maxBytes = maxBytes;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
      if (bytes.size() + length > maxBytes) {
        throw new UrgentMarkTooFarException(maxBytes);
      }
      bytes.write(buffer, offset, length);
    }

    byte[] toByteArray() {
      return bytes.toByteArray();
    }
  }
}
