/**
 * The UDP chat of the book's chapters 19-20, byte for byte compatible with its Perl programs:
 * a server ({@link dev.netkit.chat.server.ChatServer}), a client library
 * ({@link dev.netkit.chat.client.ChatClient}) and broadcast discovery
 * ({@link dev.netkit.chat.broadcast.ServerDiscovery}). Frames and payloads come from
 * {@code dev.netkit.codec.chat}; this package holds what server and clients share: channel
 * definitions ({@link dev.netkit.chat.ChannelDefinition}, the book's five by default, and the
 * channel file format {@link dev.netkit.chat.ChannelConfigFile}), the nickname rule
 * ({@link dev.netkit.chat.Nicknames}); the ERROR texts live with the wire format, in
 * {@link dev.netkit.codec.chat.ChatErrors}.
 *
 * <h2>Extension points for the multicast chat (chapter 21)</h2>
 * The multicast chat reuses the server's and the client's logic untouched and plugs in at these
 * points:
 * <ul>
 *   <li><b>Server fan-out</b>: implement {@link dev.netkit.chat.server.FanOut} and pass it with
 *       {@link dev.netkit.chat.server.ChatServerConfig.Builder#fanOut}. {@code deliver} gets every
 *       frame for a channel's members (USER_JOINS, USER_PARTS, PUBLIC_MSG) once, already encoded:
 *       send it to the channel's group ({@code ChannelView.definition().group()}) on the data port
 *       instead of to each member. {@code describe} renders JOIN_ACK, PART_ACK and CHANNEL_ITEM:
 *       return {@code ChannelInfo.multicast(...)} with the group. {@code afterLogin} returns the
 *       frames that follow LOGIN_ACK: {@code SetMcastPort(2028)}. {@code close} releases the
 *       strategy's socket when the server closes.</li>
 *   <li><b>Channel groups</b>: {@link dev.netkit.chat.ChannelDefinition#group()}, set in the
 *       channel file ({@code TITLE GROUP DESCRIPTION}) and in the defaults (225.1.0.1-5).</li>
 *   <li><b>Client</b>: configure
 *       {@link dev.netkit.chat.client.ChatClientConfig.Builder#channelFormat} as
 *       {@code MULTICAST} so channel payloads parse with their group; wrap or extend the
 *       {@link dev.netkit.chat.client.ChatListener} to open the group socket on
 *       {@code onSetMcastPort}, join a group on {@code onJoinAck} and drop it on
 *       {@code onPartAck}; feed each datagram from the group socket, decoded with
 *       {@code ChatFrameCodec}, to {@link dev.netkit.chat.client.ChatClient#dispatch}, which
 *       delivers it to the same listener (for instance a
 *       {@link dev.netkit.chat.client.ChatDisplay}) serialized with the server's own frames.</li>
 * </ul>
 */
package dev.netkit.chat;
