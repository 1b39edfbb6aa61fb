package dev.netkit.chat.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netkit.codec.chat.ChannelInfo;
import dev.netkit.codec.chat.ChannelItem;
import dev.netkit.codec.chat.ErrorMessage;
import dev.netkit.codec.chat.JoinAck;
import dev.netkit.codec.chat.LoginAck;
import dev.netkit.codec.chat.PartAck;
import dev.netkit.codec.chat.PrivateMessage;
import dev.netkit.codec.chat.PublicMessage;
import dev.netkit.codec.chat.UserItem;
import dev.netkit.codec.chat.UserJoins;
import dev.netkit.codec.chat.UserParts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisplayLinesTest {

  @Test
  void printsTheBooksLines() {
    assertThat(DisplayLines.loginAck(new LoginAck("lincoln")))
        .isEqualTo("\tLog in successful.  Welcome lincoln.");
    assertThat(DisplayLines.joinAck(new JoinAck(ChannelInfo.of("Weather", 3, "x"))))
        .isEqualTo("\tWelcome to the Weather Channel (3 users)");
    assertThat(DisplayLines.partAck(new PartAck(ChannelInfo.of("Weather", 2, "x"))))
        .isEqualTo("\tYou have left the Weather Channel");
    assertThat(DisplayLines.userJoins(new UserJoins("Weather", "jim")))
        .isEqualTo("\t<jim has entered Weather>");
    assertThat(DisplayLines.userParts(new UserParts("Weather", "jim")))
        .isEqualTo("\t<jim has left Weather>");
    assertThat(DisplayLines.publicMessage(new PublicMessage("Weather", "jim", "rain again")))
        .isEqualTo("\tjim [Weather]: rain again");
    assertThat(DisplayLines.privateMessage(new PrivateMessage("jim", "hi")))
        .isEqualTo("\tjim [**private**]: hi");
    assertThat(DisplayLines.error(new ErrorMessage("no channel named Knitting")))
        .isEqualTo("\t** ERROR: no channel named Knitting **");
  }

  @Test
  void listingLinesUseTheBooksColumns() {
    assertThat(DisplayLines.userItem(new UserItem("jim", 3 * 3600 + 12 * 60 + 5,
        List.of("Weather", "Pets"))))
        .isEqualTo("\tjim             (on 03:12:05) Channels: Weather Pets");
    assertThat(DisplayLines.userItem(new UserItem("a_very_long_nickname", 59, List.of())))
        .isEqualTo("\ta_very_long_nickname (on 00:00:59) Channels: ");
    assertThat(DisplayLines.channelItem(new ChannelItem(ChannelInfo.of("Weather", 3,
        "Talk about the weather"))))
        .isEqualTo("\t[Weather]            Talk about the weather                     3 users");
    assertThat(DisplayLines.channelItem(new ChannelItem(ChannelInfo.multicast("Pets", 120,
        "225.1.0.5", "For our furry and feathered friends"))))
        .isEqualTo("\t[Pets]               For our furry and feathered friends      120 users");
  }

  @Test
  void theDisplayPrintsOneLinePerEventAndProblemsApart() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ChatDisplay display = new ChatDisplay(new PrintWriter(out), new PrintWriter(err));
    ChatEventDispatcher dispatcher = new ChatEventDispatcher(
        dev.netkit.codec.chat.ChannelFormat.STANDARD, display);

    dispatcher.dispatch(new LoginAck("lincoln").toFrame());
    dispatcher.dispatch(new UserJoins("Weather", "jim").toFrame());
    dispatcher.dispatch(dev.netkit.codec.chat.ChatFrame.of(999, new byte[0]));

    assertThat(out.toString()).isEqualTo("\tLog in successful.  Welcome lincoln.\n"
        + "\t<jim has entered Weather>\n");
    assertThat(err.toString()).startsWith("unexpected message from server: chat event code : 999");
  }
}
