package dev.netkit.codec.travesty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TravestyCommandParserTest {

  private final TravestyCommandParser parser = new TravestyCommandParser(1000);

  @Test
  void parsesTheBooksCommands() {
    assertThat(parser.parse("DATA")).isEqualTo(new TravestyCommand.Data());
    assertThat(parser.parse("RESET")).isEqualTo(new TravestyCommand.Reset());
    assertThat(parser.parse("GENERATE 100")).isEqualTo(new TravestyCommand.Generate(100));
    assertThat(parser.parse("GENERATE 0")).isEqualTo(new TravestyCommand.Generate(0));
    assertThat(parser.parse("GENERATE 1000")).isEqualTo(new TravestyCommand.Generate(1000));
    assertThat(parser.parse("BYE")).isEqualTo(new TravestyCommand.Bye());
  }

  @Test
  void namesAreAsciiCaseInsensitiveAndBlanksAreIgnored() {
    assertThat(parser.parse("data")).isEqualTo(new TravestyCommand.Data());
    assertThat(parser.parse(" Reset\t")).isEqualTo(new TravestyCommand.Reset());
    assertThat(parser.parse("generate\t \t7 ")).isEqualTo(new TravestyCommand.Generate(7));
    assertThat(parser.parse("bYe")).isEqualTo(new TravestyCommand.Bye());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "HELLO", "DATA now", "BYE BYE", "RESET 1", "DATAX", "GEN 5",
      "re\u017fet", "DAT\u0391", "\u2003DATA", "DATA\u00a0", "BYE\r"})
  void unknownCommands(String line) {
    assertThatThrownBy(() -> parser.parse(line)).isInstanceOf(UnknownCommandException.class)
        .hasMessageStartingWith("travesty command : \"")
        .hasMessageEndingWith("(expected: DATA, RESET, GENERATE n or BYE)");
  }

  @Test
  void unknownCommandMessageQuotesTheLine() {
    assertThatThrownBy(() -> parser.parse("DATA now"))
        .hasMessage("travesty command : \"DATA now\" (expected: DATA, RESET, GENERATE n or BYE)");
  }

  @Test
  void badWordCounts() {
    assertWordCount("GENERATE", "GENERATE needs a word count");
    assertWordCount("GENERATE  ", "GENERATE needs a word count");
    assertWordCount("GENERATE abc", "word count \"abc\" is not a number");
    assertWordCount("GENERATE 5 6", "word count \"5 6\" is not a number");
    assertWordCount("GENERATE +5", "word count \"+5\" is not a number");
    assertWordCount("GENERATE -", "word count \"-\" is not a number");
    assertWordCount("GENERATE -x", "word count \"-x\" is not a number");
    assertWordCount("GENERATE \u0665", "word count \"\u0665\" is not a number");
    assertWordCount("GENERATE -5", "word count \"-5\" is negative");
    assertWordCount("GENERATE -0", "word count \"-0\" is negative");
    assertWordCount("GENERATE 1001", "word count \"1001\" is over the limit of 1000");
    assertWordCount("GENERATE 99999999999999999999999",
        "word count \"99999999999999999999999\" is over the limit of 1000");
  }

  @Test
  void formatIsWhatTheParserReads() {
    for (TravestyCommand command : new TravestyCommand[] {new TravestyCommand.Data(),
        new TravestyCommand.Reset(), new TravestyCommand.Generate(42),
        new TravestyCommand.Bye()}) {
      assertThat(parser.parse(command.format())).isEqualTo(command);
    }
    assertThat(new TravestyCommand.Generate(42).format()).isEqualTo("GENERATE 42");
  }

  @Test
  void argumentChecks() {
    assertThatThrownBy(() -> new TravestyCommand.Generate(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("words : -1 (expected: >= 0)");
    assertThatThrownBy(() -> new TravestyCommandParser(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxGenerateWords : -1 (expected: >= 0)");
    assertThat(new TravestyCommandParser(0).parse("GENERATE 0"))
        .isEqualTo(new TravestyCommand.Generate(0));
  }

  private void assertWordCount(String line, String message) {
    assertThatThrownBy(() -> parser.parse(line)).isInstanceOf(WordCountException.class)
        .hasMessage(message);
  }
}
