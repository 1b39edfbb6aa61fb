package dev.netkit.travesty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netkit.corpus.Corpus;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated text follows the corpus's frequencies. The corpus gets its first two words again at
 * its end, so that no context is a dead end: then every context the walk is in is the last two
 * words it emitted, and each visit of a context draws its successor independently with the
 * corpus's frequencies. The tests use a fixed seed (so they are repeatable) and bounds that a
 * correct engine passes with overwhelming probability for any seed.
 */
class TravestyStatisticsTest {

  private static final int SAMPLE = 1_000_000;

  private static List<String> corpus;
  private static List<String> generated;

  @BeforeAll
  static void generate() throws IOException {
    List<String> words = new ArrayList<>(Words.split(Corpus.text()));
    words.addAll(words.subList(0, 2));
    corpus = words;
    Travesty travesty = Travesty.builder().seed(2024).build();
    travesty.add(String.join(" ", words));
    StringWriter out = new StringWriter();
    travesty.generate(SAMPLE, out);
    generated = Words.split(out.toString());
  }

  /**
   * For the most frequent contexts with several successors, the successors seen in the output
   * pass Pearson's chi-square goodness-of-fit test against the corpus's successor counts at
   * significance 0.001 (cells with an expected count below 5 are pooled).
   */
  @Test
  void successorsOfAContextFollowTheCorpusFrequencies() {
    Map<String, Map<String, Long>> inCorpus = successors(corpus);
    Map<String, Map<String, Long>> inOutput = successors(generated);
    List<String> contexts = inCorpus.entrySet().stream()
        .filter(e -> e.getValue().size() >= 5)
        .sorted(Comparator.comparingLong(e -> -total(e.getValue())))
        .limit(5).map(Map.Entry::getKey).toList();

    assertThat(contexts).hasSize(5);
    for (String context : contexts) {
      Map<String, Long> expected = inCorpus.get(context);
      Map<String, Long> observed = inOutput.getOrDefault(context, Map.of());
      assertThat(total(observed)).as(context).isGreaterThan(500);
      double[] test = chiSquare(expected, observed);
      assertThat(test[0]).as("chi-square of successors of '%s' (df %s)", context, test[1])
          .isLessThan(criticalValue(test[1]));
    }
  }

  /**
   * The ten most frequent words: their share of the output is within 10 % (relative) of their
   * share of the corpus. The word counts of the cyclic corpus are a stationary distribution of the
   * walk, and a million words give sampling errors of a few percent for shares above 1 %.
   */
  @Test
  void wordFrequenciesFollowTheCorpus() {
    Map<String, Long> inCorpus = counts(corpus);
    Map<String, Long> inOutput = counts(generated);
    List<String> top = inCorpus.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(10).map(Map.Entry::getKey).toList();

    for (String word : top) {
      double expected = (double) inCorpus.get(word) / corpus.size();
      double observed = (double) inOutput.getOrDefault(word, 0L) / generated.size();
      assertThat(observed).as("share of '%s'", word)
          .isBetween(expected * 0.9, expected * 1.1);
    }
  }

  private static Map<String, Long> counts(List<String> words) {
    return words.stream().collect(Collectors.groupingBy(Function.identity(),
        Collectors.counting()));
  }

  private static Map<String, Map<String, Long>> successors(List<String> words) {
    Map<String, Map<String, Long>> table = new HashMap<>();
    for (int i = 2; i < words.size(); i++) {
      String context = words.get(i - 2) + " " + words.get(i - 1);
      table.computeIfAbsent(context, k -> new HashMap<>()).merge(words.get(i), 1L, Long::sum);
    }
    return table;
  }

  private static long total(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Returns {statistic, degrees of freedom}. */
  private static double[] chiSquare(Map<String, Long> expectedCounts, Map<String, Long> observed) {
    double n = total(observed);
    double corpusTotal = total(expectedCounts);
    double statistic = 0;
    double pooledExpected = 0;
    double pooledObserved = 0;
    int cells = 0;
    for (Map.Entry<String, Long> entry : expectedCounts.entrySet()) {
      double expected = n * entry.getValue() / corpusTotal;
      double seen = observed.getOrDefault(entry.getKey(), 0L);
      if (expected < 5) {
        pooledExpected += expected;
        pooledObserved += seen;
      } else {
        statistic += (seen - expected) * (seen - expected) / expected;
        cells++;
      }
    }
    double unexpected = n - observed.entrySet().stream()
        .filter(e -> expectedCounts.containsKey(e.getKey()))
        .mapToLong(Map.Entry::getValue).sum();
    assertThat(unexpected).as("successors that never follow the context").isZero();
    if (pooledExpected > 0) {
      statistic += (pooledObserved - pooledExpected) * (pooledObserved - pooledExpected)
          / pooledExpected;
      cells++;
    }
    return new double[] {statistic, cells - 1};
  }

  /** The chi-square quantile for significance 0.001 (Wilson-Hilferty, z = 3.09). */
  private static double criticalValue(double degreesOfFreedom) {
    double k = degreesOfFreedom;
    double a = 2 / (9 * k);
    return k * Math.pow(1 - a + 3.09 * Math.sqrt(a), 3);
  }
}
