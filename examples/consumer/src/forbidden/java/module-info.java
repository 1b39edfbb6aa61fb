/** Must not compile: it reaches into netkit's raw system calls, which are not exported to it. */
module dev.netkit.example.forbidden {
  requires dev.netkit.urgent;
}
