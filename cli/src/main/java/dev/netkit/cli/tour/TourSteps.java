package dev.netkit.cli.tour;

import java.nio.file.Path;
import java.util.List;

/** Every step of the tour, in the order of the book's chapters. */
public final class TourSteps {

  private TourSteps() {
  }

  /**
   * Returns every step.
   *
   * @return the steps, in tour order
   */
  public static List<TourStep> all() {
    return all(null);
  }

  /**
   * Returns every step, the travesty step with a text file the user chose.
   *
   * @param corpus the file of {@code tour --corpus FILE}, or {@code null} for the default text
   *     ({@link dev.netkit.corpus.Corpus#path()})
   * @return the steps, in tour order
   */
  public static List<TourStep> all(Path corpus) {
    return List.of(new UrgentStep(), new TravestyStep(corpus), new UdpStep(), new ChatStep(),
        new BroadcastStep(), new MulticastStep(), new UnixStep());
  }
}
