#!/usr/bin/env bash
# Proves that the aarch64 libnetkit.so loads and works: runs dev.netkit.jni.NativeSmoke (load the
# library from the jar, one urgent byte over loopback TCP, one UNIX datagram round trip) with an
# arm64 Java 17 under qemu-user, on the jni jar this build made.
#
# usage: jni/src/test/sh/aarch64-smoke.sh [--no-build]
#
# Needs (Debian, installed here when missing and running as root): qemu-user, and through
# multiarch (dpkg --add-architecture arm64) openjdk-17-jre-headless:arm64, which lands in
# /usr/lib/jvm/java-17-openjdk-arm64. Builds netkit-jni first (both libraries required) unless
# --no-build. Exit status 0 when the smoke test passed.
set -euo pipefail
cd "$(dirname "$0")/../../../.."

arm64_java=/usr/lib/jvm/java-17-openjdk-arm64/bin/java
build=yes
[ "${1:-}" = --no-build ] && build=no

need=()
command -v qemu-aarch64 >/dev/null 2>&1 || need+=(qemu-user)
[ -x "$arm64_java" ] || need+=(openjdk-17-jre-headless:arm64)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "aarch64-smoke: missing ${need[*]}; install them as root (dpkg --add-architecture arm64)" >&2
    exit 1
  fi
  echo "aarch64-smoke: installing ${need[*]}"
  dpkg --print-foreign-architectures | grep -qx arm64 || dpkg --add-architecture arm64
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" \
    >/dev/null
fi

if [ $build = yes ]; then
  echo "aarch64-smoke: building netkit-jni with both native libraries"
  mvn -B -q -pl jni -am package -DskipTests -Dnetkit.quick -Dnetkit.native.requireAll=true
fi
jar=$(ls jni/target/netkit-jni-*.jar | grep -v -e '-sources' -e '-javadoc' -e '-tests' | head -n 1)
classpath_file=jni/target/aarch64-smoke.classpath
# The test class path: SLF4J, and Logback, which logs where the library was extracted.
mvn -B -q -pl jni dependency:build-classpath -Dmdep.outputFile="$PWD/$classpath_file"

echo "aarch64-smoke: $(qemu-aarch64 --version | head -n 1); $arm64_java on $jar"
# -L /: the arm64 dynamic loader and libraries come from the multiarch directories.
qemu-aarch64 -L / "$arm64_java" -cp "$jar:jni/target/test-classes:$(cat "$classpath_file")" \
  dev.netkit.jni.NativeSmoke
