package dev.netkit.udp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link DaytimeClient} query found out: who answered and what time they said, who stayed
 * silent until the timeout, and who failed with an error the OS reported.
 *
 * @param answers the answers, in the order they arrived
 * @param silent the hosts that did not answer in time, in the order they were asked
 * @param failures the hosts with a reported error (unknown host, port unreachable, send error)
 */
public record DaytimeReport(List<Answer> answers, List<InetSocketAddress> silent,
    List<Failure> failures) {

  /**
   * Copies the lists.
   *
   * @throws NullPointerException if a list is null
   */
  public DaytimeReport {
    answers = List.copyOf(answers);
    silent = List.copyOf(silent);
    failures = List.copyOf(failures);
  }

  /**
   * Tells whether every host answered.
   *
   * @return true if nobody was silent or failed
   */
  public boolean allAnswered() {
    return silent.isEmpty() && failures.isEmpty();
  }

  /**
   * One host's answer.
   *
   * @param host the host as it was asked (its name kept when given by name)
   * @param time the time it sent, without the line end
   * @param roundTrip how long after the request it came
   */
  public record Answer(InetSocketAddress host, String time, Duration roundTrip) {

    /**
     * Checks the parts.
     *
     * @throws NullPointerException if a part is null
     */
    public Answer {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(roundTrip, "roundTrip");
    }
  }

  /**
   * One host's error.
   *
   * @param host the host as it was asked
   * @param error what went wrong, e.g. a {@link java.net.PortUnreachableException}
   */
  public record Failure(InetSocketAddress host, IOException error) {

    /**
     * Checks the parts.
     *
     * @throws NullPointerException if a part is null
     */
    public Failure {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(error, "error");
    }
  }
}
