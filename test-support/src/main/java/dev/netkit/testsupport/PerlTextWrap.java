package dev.netkit.testsupport;

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
 * The reference for netkit's {@code Text::Wrap} layout: Perl's own {@code Text::Wrap::fill}
 * (with {@code $huge = 'overflow'}), run on many cases per Perl process, the way the book's
 * programs call it:
 * <ul>
 *   <li>{@link Input#LINES}, the wrap server: the text's lines {@code chomp}ed, then
 *       {@code fill($ip, $xp, @lines)}, plus a final newline when the result is not empty (as
 *       netkit's server adds);</li>
 *   <li>{@link Input#TEXT}, the travesty module's {@code pretty_text}:
 *       {@code fill($ip, $xp, $text) . "\n"}.</li>
 * </ul>
 * Bytes go through unchanged; Perl counts bytes, so compare on ASCII text.
 */
public final class PerlTextWrap {

  private static final String SCRIPT = String.join("\n",
      "use strict; use Text::Wrap qw(fill $columns $huge);",
      "$huge = 'overflow'; binmode STDIN; binmode STDOUT;",
      "sub take { my $n = shift; my $s = '';",
      "  while (length($s) < $n) { read(STDIN, $s, $n - length($s), length($s)) or die } $s }",
      "while (my $header = <STDIN>) {",
      "  my ($c, $mode, $ni, $nx, $n) = split ' ', $header;",
      "  my $ip = take($ni); my $xp = take($nx); my $text = take($n);",
      "  $columns = $c; my $r;",
      "  if ($mode eq 'LINES') {",
      "    my @lines = $text =~ /[^\\n]*\\n|[^\\n]+\\z/g; chomp @lines;",
      "    $r = fill($ip, $xp, @lines); $r .= \"\\n\" if length $r;",
      "  } else { $r = fill($ip, $xp, $text) . \"\\n\" }",
      "  print length($r), \"\\n\", $r;",
      "}");

  /** How the book's program hands the text to {@code fill}. */
  public enum Input {
    /** The text's lines, chomped (the wrap server); a final newline is added to a result. */
    LINES,
    /** The text as one string (the travesty module's {@code pretty_text}); a newline follows. */
    TEXT
  }

  /**
   * One call of {@code fill}.
   *
   * @param columns {@code $Text::Wrap::columns}
   * @param paragraphIndent {@code $ip}
   * @param lineIndent {@code $xp}
   * @param input how the text is passed
   * @param text the text's bytes
   */
  public record Case(int columns, String paragraphIndent, String lineIndent, Input input,
      byte[] text) {
  }

  private PerlTextWrap() {
  }

  /**
   * Tells whether Perl with Text::Wrap can be run here.
   *
   * @return true if {@code perl -MText::Wrap -e 1} succeeds
   */
  public static boolean available() {
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

  /**
   * Runs every case through one Perl process.
   *
   * @param cases the calls
   * @param workDirectory where the input file goes (a test's temporary directory)
   * @return Perl's result for each case, in order
   * @throws IOException when Perl cannot run or its output ends early
   * @throws InterruptedException when interrupted while waiting for Perl
   * @throws IllegalStateException when Perl fails
   */
  public static List<byte[]> fill(List<Case> cases, Path workDirectory)
      throws IOException, InterruptedException {
    Path input = workDirectory.resolve("perl-text-wrap-input");
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (Case c : cases) {
      byte[] ip = c.paragraphIndent().getBytes(StandardCharsets.ISO_8859_1);
      byte[] xp = c.lineIndent().getBytes(StandardCharsets.ISO_8859_1);
      all.write((c.columns() + " " + c.input() + " " + ip.length + " " + xp.length + " "
          + c.text().length + "\n").getBytes(StandardCharsets.US_ASCII));
      all.write(ip);
      all.write(xp);
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
