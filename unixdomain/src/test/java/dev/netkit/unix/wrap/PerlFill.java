package dev.netkit.unix.wrap;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The reference: the book's wrap server logic run by Perl itself ({@code chomp} the lines, then
 * {@code Text::Wrap::fill('', '', @lines)} with {@code $huge = 'overflow'}, plus the final
 * newline netkit adds), many cases per Perl process.
 */
final class PerlFill {

  private static final String SCRIPT = String.join("\n",
      "use strict; use Text::Wrap qw(fill $columns $huge);",
      "$huge = 'overflow'; binmode STDIN; binmode STDOUT;",
      "while (my $header = <STDIN>) {",
      "  my ($c, $n) = split ' ', $header; my $text = '';",
      "  while (length($text) < $n) { read(STDIN, $text, $n - length($text), length($text)) }",
      "  $columns = $c;",
      "  my @lines = $text =~ /[^\\n]*\\n|[^\\n]+\\z/g; chomp @lines;",
      "  my $r = fill('', '', @lines); $r .= \"\\n\" if length $r;",
      "  print length($r), \"\\n\", $r;",
      "}");

  /** One input and its column width. */
  record Case(int columns, byte[] text) {
  }

  private PerlFill() {
  }

  /**
   * Tells whether Perl with Text::Wrap can be run here.
   *
   * @return true if {@code perl -MText::Wrap -e 1} succeeds
   */
  static boolean available() {
    try {
      Process p = new ProcessBuilder("perl", "-MText::Wrap", "-e", "1")
          .redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static List<byte[]> fill(List<Case> cases, Path workDirectory) throws Exception {
    Path input = workDirectory.resolve("perl-fill-input");
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (Case c : cases) {
      all.write((c.columns() + " " + c.text().length + "\n").getBytes(StandardCharsets.US_ASCII));
      all.write(c.text());
    }
    Files.write(input, all.toByteArray());
    Process perl = new ProcessBuilder("perl", "-e", SCRIPT)
        .redirectInput(input.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    List<byte[]> results = new ArrayList<>();
    try (InputStream in = perl.getInputStream()) {
      DataInputStream data = new DataInputStream(in);
      for (int i = 0; i < cases.size(); i++) {
        int length = Integer.parseInt(readLine(data));
        byte[] result = new byte[length];
        data.readFully(result);
        results.add(result);
      }
    }
    if (!perl.waitFor(60, TimeUnit.SECONDS) || perl.exitValue() != 0) {
      throw new IllegalStateException("perl failed");
    }
    return results;
  }

  private static String readLine(DataInputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("perl output ended early");
      }
      line.append((char) b);
    }
    return line.toString();
  }
}
