package dev.netkit.cli.travesty;

import dev.netkit.codec.ProtocolException;
import dev.netkit.codec.StatusReply;
import dev.netkit.codec.travesty.TravestyProtocol;
import dev.netkit.travesty.client.GenerationResult;
import dev.netkit.travesty.client.TravestyClient;
import dev.netkit.travesty.client.UploadProgress;
import dev.netkit.travesty.client.UploadResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The command loop of the book's {@code trav_cli.pl}: prompt {@code > }, read a command, run it
 * with the {@link TravestyClient}. Commands come from a reader thread through a queue, so that an
 * interrupt (Ctrl-C, see {@link #interrupt()}) can end the loop while it waits for input: the
 * first interrupt with no command running says how to quit, the second one quits; an interrupt
 * during an upload or a generation aborts it instead.
 */
final class ClientShell {

  /** Files over this size show upload progress on a terminal. */
  static final long PROGRESS_MIN_BYTES = 1 << 20;

  private static final Optional<String> QUIT = Optional.empty();

  private final TravestyClient client;
  private final PrintWriter out;
  private final boolean terminal;
  private final BlockingQueue<Optional<String>> commands = new LinkedBlockingQueue<>();
  private int interrupts;

  ClientShell(TravestyClient client, PrintWriter out, boolean terminal) {
    this.client = client;
    this.out = out;
    this.terminal = terminal;
  }

  /** Starts the daemon thread that reads commands; the end of input quits. */
  void readCommandsFrom(BufferedReader in) {
    Thread reader = new Thread(() -> {
      try {
        for (String line; (line = in.readLine()) != null; ) {
          commands.add(Optional.of(line));
        }
      } catch (IOException e) {
        print("travesty-client: reading commands: " + e.getMessage());
      }
      commands.add(QUIT);
    }, "travesty-client-input");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Handles Ctrl-C (from the signal thread): aborts the running upload or generation, else
   * counts towards quitting.
   */
  void interrupt() {
    try {
      if (client.abort()) {
        return;
      }
    } catch (IOException e) {
      print("travesty-client: cannot send urgent data: " + e.getMessage());
    }
    synchronized (this) {
      if (++interrupts >= 2) {
        commands.add(QUIT);
        return;
      }
    }
    print("\nPress ^C again to exit.");
    prompt();
  }

  /**
   * Runs commands until {@code bye}, the end of input or a second interrupt.
   *
   * @return the exit status: 0, or 1 when the connection failed
   * @throws InterruptedException when the thread is interrupted
   */
  int run() throws InterruptedException {
    try {
      while (true) {
        prompt();
        Optional<String> command = commands.take();
        if (command.isEmpty()) {
          quit();
          return 0;
        }
        if (!execute(command.get().strip())) {
          return 0;
        }
        synchronized (this) {
          interrupts = 0;
        }
      }
    } catch (IOException | ProtocolException e) {
      print("travesty-client: connection lost: " + e.getMessage());
      return 1;
    }
  }

  /** Runs one command; false when the session is over. */
  private boolean execute(String line) throws IOException {
    if (line.isEmpty()) {
      return true;
    }
    String[] words = line.split("\\s+", 2);
    String argument = words.length > 1 ? words[1].strip() : "";
    switch (words[0].toLowerCase(Locale.ROOT)) {
      case "analyze" -> analyze(argument);
      case "generate" -> generate(argument);
      case "reset" -> reset();
      case "bye", "goodbye", "quit" -> {
        quit();
        return false;
      }
      default -> usage();
    }
    return true;
  }

  private void analyze(String argument) throws IOException {
    Path file;
    try {
      file = Path.of(argument);
    } catch (InvalidPathException e) {
      print("analyze: bad file name: " + argument);
      return;
    }
    if (argument.isEmpty() || !Files.isRegularFile(file) || !Files.isReadable(file)) {
      print(argument.isEmpty() ? "usage: analyze FILE"
          : "analyze: " + argument + ": no such readable file");
      return;
    }
    long size = Files.size(file);
    boolean showProgress = terminal && size >= PROGRESS_MIN_BYTES;
    write("analyzing...");
    UploadResult result = client.analyze(file, showProgress ? new Percent() : UploadProgress.NONE);
    if (showProgress) {
      write("\ranalyzing...");
    }
    if (result.aborted()) {
      write("interrupted!...");
    }
    StatusReply reply = result.reply();
    print(reply.code() == TravestyProtocol.PROCESSED ? "processed " + result.words() + " words"
        : "server says: " + reply.format());
  }

  private void generate(String argument) throws IOException {
    if (!argument.matches("\\d{1,18}")) {
      print(argument.isEmpty() ? "usage: generate N"
          : "generate: the word count must be a whole number: " + argument);
      return;
    }
    GenerationResult result = client.generate(Long.parseLong(argument), this::print);
    if (result.aborted()) {
      print("[interrupted]");
    } else if (result.reply() != null
        && result.reply().code() != TravestyProtocol.TRAVESTY_FOLLOWS) {
      print("server says: " + result.reply().format());
    }
  }

  private void reset() throws IOException {
    StatusReply reply = client.reset();
    print(reply.code() == TravestyProtocol.RESET_DONE ? "reset successful"
        : "server says: " + reply.format());
  }

  private void quit() {
    try {
      client.bye();
    } catch (IOException | ProtocolException e) {
      // Leaving anyway.
    }
  }

  private void usage() {
    print("Usage:\n  analyze FILE   upload and analyze a text file\n"
        + "  generate N     generate N words of travesty\n"
        + "  reset          forget the analyzed text\n"
        + "  bye            quit (also: goodbye, quit)\n"
        + "Ctrl-C aborts an upload or a generation; twice quits.");
  }

  private void prompt() {
    write("> ");
  }

  private void print(String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }

  private void write(String text) {
    synchronized (out) {
      out.print(text);
      out.flush();
    }
  }

  /** Shows "analyzing... 42%" on a terminal, updated once per percent. */
  private final class Percent implements UploadProgress {
    private long shown = -1;

    @Override
    public void sent(long sent, long total) {
      long percent = total > 0 ? sent * 100 / total : 0;
      if (percent != shown) {
        shown = percent;
        write("\ranalyzing... " + percent + "%");
      }
    }
  }
}
