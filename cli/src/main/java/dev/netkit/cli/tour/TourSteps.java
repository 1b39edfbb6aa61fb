package dev.netkit.cli.tour;

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
    return List.of(new UrgentStep(), new TravestyStep(), new UdpStep(), new ChatStep(),
        new BroadcastStep(), new MulticastStep(), new UnixStep());
  }
}
