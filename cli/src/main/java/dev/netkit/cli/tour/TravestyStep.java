package dev.netkit.cli.tour;

import dev.netkit.corpus.Corpus;
import dev.netkit.travesty.client.GenerationResult;
import dev.netkit.travesty.client.TravestyClient;
import dev.netkit.travesty.client.UploadProgress;
import dev.netkit.travesty.client.UploadResult;
import dev.netkit.travesty.server.TravestyServer;
import dev.netkit.travesty.server.TravestyServerConfig;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Chapter 17 and appendix A: the travesty server and client on loopback: upload a text (the
 * shipped sample text, Jane Austen's <i>Persuasion</i>, unless {@code --corpus FILE} or
 * {@code -Dnetkit.corpus=FILE} names another; see {@link Corpus}), generate a short travesty,
 * then abort a long generation with TCP urgent data and go on in the same session.
 */
final class TravestyStep implements TourStep {

  private static final int SHORT_WORDS = 50;
  private static final long LONG_WORDS = 5_000_000;
  private static final int LINES_BEFORE_ABORT = 3;

  private final Path chosenCorpus;

  /**
   * Creates the step.
   *
   * @param chosenCorpus the text file the user named with {@code --corpus}, or {@code null} for
   *     {@link Corpus#path()}
   */
  TravestyStep(Path chosenCorpus) {
    this.chosenCorpus = chosenCorpus;
  }

  @Override
  public String name() {
    return "travesty";
  }

  @Override
  public String chapter() {
    return "chapter 17: the travesty server and client, a generation aborted with urgent data";
  }

  @Override
  public void run(StepContext context) throws Exception {
    Path corpus = Corpus.path(chosenCorpus);
    TravestyServer server = context.use(new TravestyServer(TravestyServerConfig.builder()
        .address(InetAddress.getLoopbackAddress()).port(0).build()).start());
    context.say("travesty-server on " + Addresses.show(server.localAddress()));
    TravestyClient client = context.use(TravestyClient.connect(server.localAddress()));
    context.say("travesty-client: " + client.banner().format());
    UploadResult upload = client.analyze(corpus, UploadProgress.NONE);
    context.say("DATA " + corpus.getFileName() + " (" + Files.size(corpus) + " bytes): "
        + upload.reply().format());
    context.check(upload.reply().code() == 202 && !upload.aborted(), "202 after the upload");
    context.say("GENERATE " + SHORT_WORDS + ":");
    GenerationResult text = client.generate(SHORT_WORDS,
        line -> context.say("  " + untabbed(line)));
    context.check(text.reply().code() == 203 && text.lines() > 0, "203 and text");
    abortedGeneration(context, client);
    context.say("travesty-client: " + client.bye().format());
  }

  private static void abortedGeneration(StepContext context, TravestyClient client)
      throws Exception {
    context.say("GENERATE " + LONG_WORDS + ", aborted with urgent data from another thread "
        + "(as on Ctrl-C) once " + LINES_BEFORE_ABORT + " lines arrived:");
    AtomicLong seen = new AtomicLong();
    GenerationResult result = client.generate(LONG_WORDS, line -> {
      if (seen.incrementAndGet() <= LINES_BEFORE_ABORT) {
        context.say("  " + untabbed(line));
      }
      if (seen.get() == LINES_BEFORE_ABORT) {
        abortFromAnotherThread(client);
      }
    });
    context.say("aborted: " + result.aborted() + " after " + result.lines() + " lines; "
        + result.bytesDiscarded() + " bytes in flight discarded up to the server's mark");
    context.check(result.aborted(), "the generation was aborted");
    GenerationResult after = client.generate(5, line -> { });
    context.say("same session, GENERATE 5: " + after.reply().format() + ", " + after.lines()
        + " line(s)");
    context.check(after.reply().code() == 203 && !after.aborted(),
        "the session goes on after the abort");
  }

  private static String untabbed(String line) {
    return line.replace("\t", "    ");
  }

  private static void abortFromAnotherThread(TravestyClient client) {
    Thread aborter = new Thread(() -> {
      try {
        client.abort();
      } catch (java.io.IOException e) {
        // The generation then runs to its end and the check above fails.
      }
    }, "tour-travesty-abort");
    aborter.setDaemon(true);
    aborter.start();
  }
}
