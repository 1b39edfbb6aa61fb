/**
 * The travesty line protocol of the book's figures 17.6 and 17.7 (netkit's travesty server and
 * client speak it), pure: its constants ({@link dev.netkit.codec.travesty.TravestyProtocol}),
 * the command grammar ({@link dev.netkit.codec.travesty.TravestyCommandParser} turning a line
 * into a {@link dev.netkit.codec.travesty.TravestyCommand}) and the server's reply lines
 * ({@link dev.netkit.codec.travesty.TravestyReplies}). Lines are CRLF-terminated (a bare LF is
 * accepted), framed by {@link dev.netkit.codec.LineDecoder}; text blocks are dot-terminated and
 * dot-stuffed ({@link dev.netkit.codec.DotStuffing}). The socket side, with the urgent data
 * that aborts, is the travesty module's.
 *
 * <h2>A session</h2>
 * <pre>
 *   S: 100 Travesty server version 1.0
 *   C: DATA
 *   S: 201 send text, end with a line holding only "."
 *   C: It initiates an EWOULDBLOCK error. The urgent data signal.
 *   C: ...
 *   C: .
 *   S: 202 processed 2658 words
 *   C: GENERATE 100
 *   S: 203 travesty follows
 *   S:         Summary This will be blocked in flock() until the process receives
 *   S: ...
 *   S: .
 *   C: RESET
 *   S: 205 travesty reset
 *   C: GENERATE 10
 *   S: 500 no data analyzed
 *   C: BYE
 *   S: 204 goodbye
 * </pre>
 *
 * <h2>Commands</h2>
 * Command names match ASCII case-insensitively ({@code generate 5} works; the book's
 * {@code trav_serv.pl} takes upper case only, which is what every client sends); blanks (space,
 * tab) around the line are ignored and one or more separate {@code GENERATE} from its count.
 * The count is ASCII digits, from 0 to the server's limit.
 *
 * <h2>Errors and limits</h2>
 * {@code 500 unknown command}, {@code 500 no data analyzed} (the book's); {@code 501} for a bad
 * GENERATE count (missing, not a number, negative, over the server's limit) or a command line
 * over the line limit; {@code 552 <limit>; processed N words} for an upload that passed a limit
 * (size, line length, words); {@code 421} instead of the banner when the server has too many
 * clients. The session goes on after each of them (except 421).
 *
 * <h2>Aborting with urgent data</h2>
 * {@code [!]} is one byte {@code '!'} sent as TCP urgent data ({@code MSG_OOB}); its place in the
 * stream is the <em>mark</em>. A receiver of an urgent byte reads and throws away every byte
 * before the mark (reads stop there by themselves), reads the urgent byte out of band, and
 * clears its line buffer; the byte after the mark starts a new line. This holds wherever the
 * mark falls: mid-line, between the CR and the LF, after megabytes of queued data, and when the
 * urgent pointer arrives before the byte itself (the book's caveat 3: the receiver then waits at
 * the mark until the byte is there).
 *
 * <p><b>Aborted upload.</b> The client sends {@code [!]} instead of the terminating {@code .}
 * (never after it). The server analyses what it read before noticing the mark, discards the rest
 * up to the mark, and answers as if the upload had ended there. It sends no urgent byte back.
 * <pre>
 *   C: DATA
 *   S: 201 ...
 *   C: text ... text ... half a li[!]          the client stops sending
 *   S:                    (discards up to the mark, reads '!', clears its line buffer)
 *   S: 202 processed 879 words
 * </pre>
 *
 * <p><b>Aborted generation.</b> The server stops at once (text it generated but did not write is
 * dropped), ends the block with its {@code .} line, and then sends its own {@code [!]}, so its
 * mark comes right after the dot, as in the book's {@code make_travesty()}. The client, after
 * sending {@code [!]}, stops showing text and discards everything up to the server's mark: the
 * text still in flight, the dot and nothing after it. The next line it reads answers its next
 * command.
 * <pre>
 *   C: GENERATE 20000
 *   S: 203 travesty follows
 *   S: text ... text ... (megabytes in flight)
 *   C: [!]                                       the client stops showing text
 *   S: text ...                                  (the server notices [!] between two writes
 *                                                 of whole lines, and drops the rest)
 *   S: .                                         the end of the block
 *   S: [!]                                       the server's mark, right after the dot
 *   C:              (discards up to the server's mark: the rest of the text and the dot)
 *   C: GENERATE 10                               back in sync
 *   S: 203 travesty follows
 * </pre>
 * The client does not look for the dot after an abort (it may be in the middle of a line when it
 * aborts, and a dot may already have passed): it reads to the mark. To keep this deterministic the
 * server answers <em>every</em> urgent byte that it reads outside an upload with an urgent byte of
 * its own: when the client's {@code [!]} arrives after the generation has ended (the dot is already
 * on its way), or after a {@code 500 no data analyzed}, the server sends just {@code [!]}, and the
 * client's discard to that mark again swallows the rest of the reply. The book's {@code
 * trav_serv.pl} ignores urgent data between commands, so a client talking to it may wait in vain in
 * that race; netkit's travesty client bounds that wait.
 */
package dev.netkit.codec.travesty;
