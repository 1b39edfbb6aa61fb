/** An outside application of netkit: it reads only netkit's exported API packages. */
module dev.netkit.example.consumer {
  requires dev.netkit.codec;
  requires dev.netkit.udp;
  requires dev.netkit.urgent;
  requires dev.netkit.unix;
}
