package dev.netkit.cli.tour;

import dev.netkit.travesty.Travesty;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Appendix A / chapter 17: the travesty engine analyses the bundled corpus (the text of the
 * book's part 4) and writes a short travesty of it.
 */
final class TravestyStep implements TourStep {

  private static final int WORDS = 70;
  private static final int WIDTH = 72;
  private static final long SEED = 17;

  @Override
  public String name() {
    return "travesty";
  }

  @Override
  public String chapter() {
    return "chapter 17 / appendix A: the travesty engine on the book's own text";
  }

  @Override
  public void run(StepContext context) throws Exception {
    Optional<Path> corpus = Corpus.find();
    if (corpus.isEmpty()) {
      context.skip(Corpus.notFound());
    }
    Travesty travesty = Travesty.builder().width(WIDTH).paragraphIndent("").seed(SEED).build();
    long start = System.nanoTime();
    travesty.addFile(corpus.get());
    int states = travesty.states();
    long millis = (System.nanoTime() - start) / 1_000_000;
    context.say("analysed " + corpus.get().getFileName() + ": " + travesty.wordsAnalyzed()
        + " words, " + travesty.uniqueWords() + " unique, " + states + " states (" + millis
        + " ms)");
    context.check(travesty.uniqueWords() > 1000 && states > 1000, "a model of real size");
    context.say("a travesty of " + WORDS + " words:");
    String text = travesty.prettyText(WORDS);
    text.lines().filter(line -> !line.isBlank()).forEach(line -> context.say("  " + line));
    context.check(text.split("\\s+").length >= WORDS - 1, WORDS + " words generated");
  }
}
