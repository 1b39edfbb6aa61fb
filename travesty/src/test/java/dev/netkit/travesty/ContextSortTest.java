package dev.netkit.travesty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContextSortTest {

  /** The context of position {@code p}, newest word first, as in the sort: id + 1, 0 = none. */
  private static List<Integer> context(int[] text, int p, int order) {
    List<Integer> key = new ArrayList<>();
    for (int lane = 0; lane < order; lane++) {
      int at = p - 1 - lane;
      key.add(at >= 0 ? text[at] + 1 : 0);
    }
    return key;
  }

  private static final Comparator<List<Integer>> BY_LANES = (a, b) -> {
    for (int lane = 0; lane < a.size(); lane++) {
      int c = Integer.compare(a.get(lane), b.get(lane));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  };

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4})
  void groupsPositionsByContextInTextOrderAndMarksEachGroupsFirstPosition(int order) {
    SplittableRandom random = new SplittableRandom(order);
    for (int round = 0; round < 50; round++) {
      int length = 1 + random.nextInt(300);
      int wordCount = 1 + random.nextInt(6);
      int[] text = random.ints(length, 0, wordCount).toArray();
      int[] spare = new int[length + 1];

      ContextSort.Grouping grouping = ContextSort.sort(text, length, order, wordCount, spare);

      Integer[] expected = new Integer[length + 1];
      Arrays.setAll(expected, p -> p);
      Arrays.sort(expected, Comparator.comparing((Integer p) -> context(text, p, order), BY_LANES));
      int[] positions = grouping.positions();
      assertThat(positions).isNotSameAs(spare);
      int groups = 0;
      for (int i = 0; i <= length; i++) {
        int p = positions[i] & ContextSort.POSITION;
        assertThat(p).isEqualTo(expected[i]);
        boolean starts = i == 0
            || !context(text, p, order).equals(context(text, expected[i - 1], order));
        assertThat(positions[i] < 0).as("group start at %d", i).isEqualTo(starts);
        if (starts) {
          groups++;
          assertThat(grouping.firsts()[p >>> 6] & 1L << p).isNotZero();
        }
      }
      assertThat(grouping.groups()).isEqualTo(groups);
      assertThat(Arrays.stream(grouping.firsts()).map(Long::bitCount).sum()).isEqualTo(groups);
    }
  }
}
