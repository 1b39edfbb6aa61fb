#!/usr/bin/env bash
# Builds libnetkit.so for every Linux architecture netkit ships, and checks each one.
#
# usage: native-libraries.sh MODULE_DIR HEADERS_DIR JDK_INCLUDE OUTPUT_DIR [--require-all]
#
#   MODULE_DIR   the jni module (sources in src/main/c; its path is mapped to "." in the binary)
#   HEADERS_DIR  the JNI headers that javac -h wrote
#   JDK_INCLUDE  the JDK's include directory (jni.h)
#   OUTPUT_DIR   gets linux-x86_64/libnetkit.so and linux-aarch64/libnetkit.so
#
# Each architecture needs its compiler on PATH: x86_64-linux-gnu-gcc / aarch64-linux-gnu-gcc
# (Debian: gcc, gcc-aarch64-linux-gnu), or gcc for the machine's own architecture. The machine's
# own architecture is required; another one without its compiler is skipped with one line, unless
# --require-all (the release profile) makes that an error too. Every library must need no glibc
# newer than GLIBC_MAX (check-glibc.sh). The output is deterministic: sorted sources, no build-id,
# no build paths.
set -euo pipefail
export LC_ALL=C

GLIBC_MAX=2.17
TARGETS=(x86_64 aarch64)

if [ $# -lt 4 ]; then
  echo "usage: $0 MODULE_DIR HEADERS_DIR JDK_INCLUDE OUTPUT_DIR [--require-all]" >&2
  exit 2
fi
module=$(cd "$1" && pwd -P)
headers=$2
jdk_include=$3
output=$4
require_all=${5:-}
here=$(dirname "$0")
machine=$(uname -m)

# The compiler for an architecture, or nothing.
compiler_for() {
  if command -v "$1-linux-gnu-gcc" >/dev/null 2>&1; then
    echo "$1-linux-gnu-gcc"
  elif [ "$machine" = "$1" ] && command -v gcc >/dev/null 2>&1; then
    echo gcc
  fi
}

# Compiles every src/main/c/*.c, in name order, into one library with compiler $1 at $2.
compile() {
  local cc=$1 library=$2
  mkdir -p "$(dirname "$library")"
  (cd "$module/src/main/c" && "$cc" \
    -std=gnu11 -O2 -fPIC -shared -pthread -fvisibility=hidden \
    -fstack-protector-strong -U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=2 \
    -Wall -Wextra -Werror \
    -ffile-prefix-map="$module"=. \
    -I"$jdk_include" -I"$jdk_include/linux" -I"$headers" \
    -Wl,--build-id=none -Wl,-z,relro,-z,now,-z,noexecstack \
    -o "$library" ./*.c)
}

# No library of an earlier build may stay behind when its architecture is skipped now.
rm -rf "$output"
for arch in "${TARGETS[@]}"; do
  cc=$(compiler_for "$arch")
  if [ -z "$cc" ]; then
    if [ "$arch" = "$machine" ]; then
      echo "netkit-jni: no gcc (or $arch-linux-gnu-gcc) on PATH to build the linux-$arch" \
        "library. Install gcc, or build a jar without native libraries with" \
        "-Dnetkit.native.skip" >&2
      exit 1
    fi
    if [ "$require_all" = --require-all ]; then
      echo "netkit-jni: no $arch-linux-gnu-gcc on PATH to build the linux-$arch library, which" \
        "the release build requires. Install it (Debian: gcc-$arch-linux-gnu)" >&2
      exit 1
    fi
    echo "netkit-jni: no $arch-linux-gnu-gcc on PATH, so the jar gets no linux-$arch library" \
      "(install gcc-$arch-linux-gnu; -Prelease requires it)"
    continue
  fi
  library="$output/linux-$arch/libnetkit.so"
  compile "$cc" "$library"
  bash "$here/check-glibc.sh" "$GLIBC_MAX" "$library"
done
