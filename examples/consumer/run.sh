#!/usr/bin/env bash
# Uses netkit as an outside project would (issue 12): installs netkit into a private local
# repository (never ~/.m2), builds examples/consumer against it (netkit-bom import, own
# module-info), then checks that
#   1. its runtime dependencies from outside netkit are slf4j-api alone;
#   2. it runs on the module path and on the class path (and on Java 25 when one is installed,
#      with --enable-native-access=dev.netkit.jni / ALL-UNNAMED and no JDK warning);
#   3. a module that imports dev.netkit.jni.internal does not compile on the module path.
#
# usage: examples/consumer/run.sh [--no-install]
#   NETKIT_CONSUMER_REPO  the private local repository (default: target/consumer-m2 of the
#                         repository root); it is seeded from ~/.m2/repository when that exists,
#                         so that only what is missing is downloaded.
#   --no-install          reuse the netkit already installed there.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
repo=${NETKIT_CONSUMER_REPO:-$root/target/consumer-m2}
install=true
[ "${1:-}" = "--no-install" ] && install=false

fail() {
  echo "consumer: FAILED: $*" >&2
  exit 1
}

if $install; then
  if [ ! -d "$repo" ] && [ -d "$HOME/.m2/repository" ]; then
    echo "consumer: seeding $repo from ~/.m2/repository (netkit itself excluded)"
    mkdir -p "$repo"
    cp -a "$HOME/.m2/repository/." "$repo/"
  fi
  rm -rf "$repo/dev/netkit"
  echo "consumer: installing netkit into $repo"
  (cd "$root" && mvn -B -q -Dstyle.color=never install -DskipTests -Dnetkit.quick -Dmaven.repo.local="$repo" \
      -pl '!cli,!benchmarks')
fi

cd "$here"
echo "consumer: building examples/consumer against netkit-bom"
mvn -B -q -Dstyle.color=never -Dmaven.repo.local="$repo" clean package dependency:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.outputFile="$here/target/runtime.classpath"
classpath=$(cat target/runtime.classpath)

# 1. Outside netkit, slf4j-api alone.
outside=$(tr ':' '\n' <<<"$classpath" | grep -v "/dev/netkit/" | xargs -r -n1 basename | sort)
echo "consumer: runtime dependencies from outside netkit: ${outside:-none}"
[ "$(grep -c . <<<"$outside")" = 1 ] && grep -q '^slf4j-api-.*\.jar$' <<<"$outside" \
  || fail "expected slf4j-api alone from outside netkit, got: $outside"

# 2. Module path and class path, on this Java and on Java 25 when there is one.
main=dev.netkit.example.consumer.ConsumerApp
run() {
  local java=$1 mode=$2 output
  shift 2
  echo "consumer: $("$java" -version 2>&1 | head -n 1), $mode"
  if [ "$mode" = "module path" ]; then
    output=$("$java" "$@" -p "target/classes:$classpath" -m "dev.netkit.example.consumer/$main" 2>&1) \
      || { echo "$output"; fail "$mode run"; }
  else
    output=$("$java" "$@" -cp "target/classes:$classpath" "$main" 2>&1) \
      || { echo "$output"; fail "$mode run"; }
  fi
  echo "$output" | sed 's/^/  /'
  grep -q '^consumer: passed$' <<<"$output" || fail "$mode run did not pass"
  if grep -q 'WARNING: .*restricted method' <<<"$output"; then
    fail "$mode run: the JDK warned about native access"
  fi
}
run java "module path"
run java "class path"
jdk25=$(ls -d /usr/lib/jvm/temurin-25* /usr/lib/jvm/java-25* 2>/dev/null | head -n 1 || true)
if [ -n "$jdk25" ]; then
  run "$jdk25/bin/java" "module path" --enable-native-access=dev.netkit.jni
  run "$jdk25/bin/java" "class path" --enable-native-access=ALL-UNNAMED
else
  echo "consumer: no Java 25 JDK under /usr/lib/jvm; skipping the Java 25 runs"
fi

# 3. The raw system calls are netkit's own.
rm -rf target/forbidden
if errors=$(javac -d target/forbidden -p "$classpath" \
    $(find src/forbidden/java -name '*.java') 2>&1); then
  fail "a module importing dev.netkit.jni.internal compiled on the module path"
fi
grep -q 'package dev.netkit.jni.internal is not visible' <<<"$errors" \
  || { echo "$errors"; fail "src/forbidden failed to compile, but not for the expected reason"; }
echo "consumer: src/forbidden does not compile: package dev.netkit.jni.internal is not visible"
echo "consumer: 3 passed, 0 failed"
