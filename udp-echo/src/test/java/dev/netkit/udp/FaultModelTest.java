package dev.netkit.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The proxy's fault decisions, without sockets: scripted and seeded random draws. */
class FaultModelTest {

  private static final Duration HOLD = Duration.ofMillis(5);

  /** Returns the given draws in order, then fails the test. */
  private static Random scripted(double... draws) {
    return new Random() {
      private static final long serialVersionUID = 1L;
      private int next;

      @Override
      public double nextDouble() {
        assertThat(next).as("draws used").isLessThan(draws.length);
        return draws[next++];
      }
    };
  }

  @Test
  void withoutFaultsEveryDatagramGoesOnceAtOnce() {
    FaultModel model = new FaultModel(FaultyProxyConfig.defaults());

    for (int i = 0; i < 100; i++) {
      FaultModel.Fate fate = model.next();
      assertThat(fate.delays()).containsExactly(Duration.ZERO);
      assertThat(fate.dropped()).isFalse();
      assertThat(fate.duplicated()).isFalse();
      assertThat(fate.reorderedCopies()).isZero();
    }
  }

  @Test
  void drawsLossThenDuplicationThenReorderingOfEachCopy() {
    FaultyProxyConfig config = FaultyProxyConfig.builder().loss(0.3).duplicate(0.1).reorder(0.2)
        .delay(Duration.ofMillis(10)).reorderDelay(HOLD).build();
    FaultModel model = new FaultModel(config, scripted(0.5, 0.05, 0.9, 0.1, 0.29));

    FaultModel.Fate fate = model.next();
    assertThat(fate.delays()).containsExactly(Duration.ofMillis(10), Duration.ofMillis(15));
    assertThat(fate.duplicated()).isTrue();
    assertThat(fate.reorderedCopies()).isEqualTo(1);
    assertThat(model.next()).isEqualTo(FaultModel.Fate.DROPPED);
  }

  @Test
  void certainFaultsAlwaysHappen() {
    assertThat(new FaultModel(FaultyProxyConfig.builder().loss(1).build()).next().dropped())
        .isTrue();
    FaultModel.Fate fate = new FaultModel(FaultyProxyConfig.builder().duplicate(1).reorder(1)
        .reorderDelay(HOLD).build()).next();
    assertThat(fate.delays()).containsExactly(HOLD, HOLD);
    assertThat(fate.reorderedCopies()).isEqualTo(2);
  }

  @Test
  void theSameSeedGivesTheSameFates() {
    FaultyProxyConfig config = FaultyProxyConfig.builder().loss(0.3).duplicate(0.2).reorder(0.1)
        .seed(42).build();

    assertThat(fates(new FaultModel(config), 500)).isEqualTo(fates(new FaultModel(config), 500))
        .isNotEqualTo(fates(new FaultModel(config.toBuilder().seed(43).build()), 500));
  }

  @Test
  void aSeededModelDropsAboutTheLossRate() {
    FaultModel model = new FaultModel(FaultyProxyConfig.builder().loss(0.3).seed(7).build());

    long dropped = fates(model, 10_000).stream().filter(FaultModel.Fate::dropped).count();

    assertThat(dropped).isBetween(2_800L, 3_200L);
  }

  private static List<FaultModel.Fate> fates(FaultModel model, int count) {
    List<FaultModel.Fate> fates = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      fates.add(model.next());
    }
    return fates;
  }
}
