package dev.netkit.travesty.client;

/** Hears how an upload goes, e.g. to show a percentage on a terminal. */
@FunctionalInterface
public interface UploadProgress {

  /** Ignores progress. */
  UploadProgress NONE = (sent, total) -> { };

  /**
   * Called on the uploading thread after each write to the server.
   *
   * @param sent bytes of the text sent so far
   * @param total the size of the text, or -1 when unknown
   */
  void sent(long sent, long total);
}
