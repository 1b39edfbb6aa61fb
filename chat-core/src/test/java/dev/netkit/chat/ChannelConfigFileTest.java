package dev.netkit.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelConfigFileTest {

  @Test
  void parsesTitleGroupAndDescriptionSkippingCommentsAndBlankLines() {
    List<ChannelDefinition> channels = ChannelConfigFile.parse("""
        # title group description

        Knitting   225.9.9.9   Needles and  yarn\r
          Chess -
        Go - Black and white stones
        """);

    assertThat(channels).containsExactly(
        ChannelDefinition.multicast("Knitting", "Needles and  yarn", "225.9.9.9"),
        ChannelDefinition.of("Chess", ""),
        ChannelDefinition.of("Go", "Black and white stones"));
  }

  @Test
  void theDefaultsRoundTripThroughTheFileFormat() {
    String text = ChannelConfigFile.format(ChannelDefinition.defaults());

    assertThat(text).contains("Weather 225.1.0.2 Talk about the weather\n");
    assertThat(ChannelConfigFile.parse(text)).isEqualTo(ChannelDefinition.defaults());
  }

  @Test
  void errorsNameTheLine() {
    assertThatThrownBy(() -> ChannelConfigFile.parse("A - x\nBroken\n"))
        .hasMessageStartingWith("line 2: expected TITLE GROUP DESCRIPTION");
    assertThatThrownBy(() -> ChannelConfigFile.parse("A 10.0.0.1 x\n"))
        .hasMessage("line 1: group : 10.0.0.1 (expected: an IPv4 multicast address, "
            + "224.0.0.0/4)");
    assertThatThrownBy(() -> ChannelConfigFile.parse("A 225.1.0.300 x\n"))
        .hasMessageStartingWith("line 1: group : \"225.1.0.300\"");
    assertThatThrownBy(() -> ChannelConfigFile.parse("A host.example x\n"))
        .hasMessage("line 1: group : \"host.example\" (expected: an IPv4 dotted quad)");
    assertThatThrownBy(() -> ChannelConfigFile.parse("Pets - a\npets - b\n"))
        .hasMessage("line 2: channel pets is defined twice");
    assertThatThrownBy(() -> ChannelConfigFile.parse("# nothing\n"))
        .hasMessage("no channel defined");
  }

  @Test
  void readsAFileAndNamesItInErrors(@TempDir Path dir) throws IOException {
    Path good = Files.writeString(dir.resolve("channels.conf"), "Chess - Kings\n");
    Path bad = Files.writeString(dir.resolve("bad.conf"), "\n");

    assertThat(ChannelConfigFile.read(good)).containsExactly(ChannelDefinition.of("Chess",
        "Kings"));
    assertThatThrownBy(() -> ChannelConfigFile.read(bad))
        .hasMessage(bad + ": no channel defined");
  }

  @Test
  void definitionsCheckTheirParts() {
    assertThatThrownBy(() -> ChannelDefinition.of("two words", ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChannelDefinition.of("x".repeat(33), ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChannelDefinition.of("Tab", "a\tb"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChannelDefinition.of("Long", "d".repeat(201)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ChannelDefinition.defaults()).extracting(ChannelDefinition::title)
        .containsExactly("CurrentEvents", "Weather", "Gardening", "Hobbies", "Pets");
    assertThat(ChannelDefinition.defaults()).extracting(c -> c.groupLiteral().orElseThrow())
        .containsExactly("225.1.0.1", "225.1.0.2", "225.1.0.3", "225.1.0.4", "225.1.0.5");
  }
}
