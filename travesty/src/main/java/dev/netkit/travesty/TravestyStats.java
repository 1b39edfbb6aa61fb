package dev.netkit.travesty;

/**
 * A consistent snapshot of a {@link Travesty} model's statistics, safe to read from any thread.
 *
 * @param wordsAnalyzed words added since the last reset, repetitions included
 * @param uniqueWords distinct words (punctuation and case count)
 * @param wordsGenerated words generated since the last reset, by every generate call
 */
public record TravestyStats(long wordsAnalyzed, int uniqueWords, long wordsGenerated) {

  /** The statistics of an empty model. */
  public static final TravestyStats EMPTY = new TravestyStats(0, 0, 0);
}
