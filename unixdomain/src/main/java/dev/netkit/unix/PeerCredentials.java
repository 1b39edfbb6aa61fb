package dev.netkit.unix;

import dev.netkit.jni.NativeLibrary;
import dev.netkit.jni.internal.SocketDescriptors;
import dev.netkit.jni.internal.UnixDatagramSyscalls;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * Who is at the other end of a UNIX-domain socket: the process id, user id and group id the
 * kernel recorded when the peer connected ({@code SO_PEERCRED}, see unix(7)). The kernel
 * vouches for these; a peer cannot forge them.
 *
 * @param pid the peer's process id, or {@link #UNKNOWN_PID} when it could not be read (without
 *     netkit's native library)
 * @param uid the peer's effective user id
 * @param gid the peer's effective group id
 */
public record PeerCredentials(long pid, int uid, int gid) {

  /** The {@link #pid()} of credentials read without netkit's native library. */
  public static final long UNKNOWN_PID = -1;

  /**
   * Reads the credentials of a connected UNIX-domain stream peer ({@code SO_PEERCRED}).
   *
   * <p>With netkit's native library the kernel's record is read whole, pid included. Without it,
   * the JDK's {@link ExtendedSocketOptions#SO_PEERCRED} gives the user and group as principals;
   * their numeric ids are recovered through the file system's
   * {@link UserPrincipalLookupService} (OpenJDK's principals hash to their id, and looking that
   * id up as a numeric name must give an equal principal, which is checked), and the pid is
   * {@link #UNKNOWN_PID}.
   *
   * @param channel a connected UNIX-domain channel
   * @return the credentials
   * @throws IOException if the option cannot be read or the ids cannot be recovered
   */
  public static PeerCredentials of(SocketChannel channel) throws IOException {
    if (NativeLibrary.isAvailable()) {
      try {
        UnixDatagramSyscalls.Credentials c =
            UnixDatagramSyscalls.peerCredentials(SocketDescriptors.of(channel));
        return new PeerCredentials(c.pid(), c.uid(), c.gid());
      } catch (UnsupportedOperationException | IllegalArgumentException e) {
        // This JDK's channel hides its descriptor: the JDK's option still gives uid and gid.
      }
    }
    return ofJdkOption(channel);
  }

  /**
   * Reads the credentials through the JDK's option only, as {@link #of(SocketChannel)} does
   * without the native library.
   *
   * @param channel a connected UNIX-domain channel
   * @return the credentials, with {@link #UNKNOWN_PID}
   * @throws IOException if the option cannot be read or the ids cannot be recovered
   */
  public static PeerCredentials ofJdkOption(SocketChannel channel) throws IOException {
    UnixDomainPrincipal principal = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
    UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
    UserPrincipal user = principal.user();
    GroupPrincipal group = principal.group();
    int uid = user.hashCode();
    int gid = group.hashCode();
    if (!lookup.lookupPrincipalByName(Integer.toString(uid)).equals(user)
        || !lookup.lookupPrincipalByGroupName(Integer.toString(gid)).equals(group)) {
      throw new IOException("getsockopt SO_PEERCRED: cannot recover the numeric ids of "
          + user.getName() + ":" + group.getName());
    }
    return new PeerCredentials(UNKNOWN_PID, uid, gid);
  }

  /**
   * Returns the effective user id of this process, as the kernel reports it for
   * {@code /proc/self}.
   *
   * @return the user id
   * @throws IOException if {@code /proc/self} cannot be read (not Linux)
   */
  public static int currentUid() throws IOException {
    return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
  }

  /**
   * Returns the credentials in the form {@code pid=123 uid=1000 gid=1000}.
   *
   * @return a short description
   */
  @Override
  public String toString() {
    return "pid=" + (pid == UNKNOWN_PID ? "?" : Long.toString(pid)) + " uid=" + uid + " gid="
        + gid;
  }
}
