package dev.netkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.io.PrintWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class NotYetImplementedCommandTest {

  @Test
  void saysSoAndExitsWithTwo() {
    Program program = Program.notYetImplemented("some-program", "does something");
    CommandLine cl = new CommandLine(program.command().get());
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));

    assertThat(cl.execute("any", "args")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("some-program: not yet implemented" + System.lineSeparator());
  }
}
