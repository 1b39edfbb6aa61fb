package dev.netkit.cli.unix;

import dev.netkit.unix.FileModes;
import dev.netkit.unix.PeerAuthorizer;
import dev.netkit.unix.SocketFileConfig;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** The socket-file options the two servers share: {@code --mode} and {@code --allow-uid}. */
final class SocketOptions {

  @Option(names = "--mode", paramLabel = "OCTAL", defaultValue = "0600",
      description = "Mode of the socket file, set with no moment of wider access "
          + "(default: ${DEFAULT-VALUE}).")
  String mode;

  @Option(names = "--allow-uid", paramLabel = "UID",
      description = "Serve only peers running as this user id (repeatable; default: everyone "
          + "who can open the socket file).")
  List<Integer> allowedUids;

  SocketFileConfig socketFile(Path path) {
    return SocketFileConfig.builder(path).permissions(permissions()).authorizer(authorizer())
        .build();
  }

  private Set<PosixFilePermission> permissions() {
    return FileModes.parse(mode);
  }

  private PeerAuthorizer authorizer() {
    return allowedUids == null || allowedUids.isEmpty() ? PeerAuthorizer.allowAll()
        : PeerAuthorizer.allowUids(allowedUids.stream().mapToInt(Integer::intValue).toArray());
  }

  String describe() {
    return "mode " + FileModes.format(permissions())
        + (allowedUids == null || allowedUids.isEmpty() ? "" : ", uids " + allowedUids);
  }
}
