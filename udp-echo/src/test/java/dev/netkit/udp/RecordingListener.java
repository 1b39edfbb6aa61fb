package dev.netkit.udp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Writes what a {@link SequencedClient} reports as the book's client prints it. */
final class RecordingListener implements SequencedClientListener {

  final List<String> lines = new CopyOnWriteArrayList<>();

  @Override
  public void retrying(long sequence, int tries) {
    lines.add(sequence + ": retrying... (try " + tries + ")");
  }

  @Override
  public void duplicate(long sequence) {
    lines.add("Discarding duplicate message seqno = " + sequence);
  }

  @Override
  public void outOfOrder(long sequence) {
    lines.add("Out of order message seqno = " + sequence);
  }

  @Override
  public void malformed(String text) {
    lines.add("Malformed: " + text);
  }

  @Override
  public void gaveUp(long sequence, int tries) {
    lines.add(sequence + ": too many retries (" + tries + "). Giving up.");
  }
}
