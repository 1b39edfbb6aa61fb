package dev.netkit.travesty;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Splits text into words as the engine does, to compare generated text with its input. */
final class Words {

  private static final Pattern WHITE_SPACE = Pattern.compile("[ \\t\\n\\x0B\\f\\r]+");

  private Words() {
  }

  /** Splits like the engine: at runs of the six ASCII white-space characters. */
  static List<String> split(String text) {
    return Arrays.stream(WHITE_SPACE.split(text)).filter(w -> !w.isEmpty()).toList();
  }

  /** Every run of {@code n} consecutive words, joined by single spaces. */
  static Set<String> ngrams(List<String> words, int n) {
    Set<String> grams = new HashSet<>();
    for (int i = 0; i + n <= words.size(); i++) {
      grams.add(String.join(" ", words.subList(i, i + n)));
    }
    return grams;
  }
}
