#!/usr/bin/env bash
# Reproducible builds (issue 12): copies the working tree (tracked and new files, not ignored
# ones, one snapshot) to two directories with different paths, runs a clean
# `mvn -B -DskipTests package` in each, and compares every jar byte for byte (the native libraries inside netkit-jni's jar
# included, and the libraries themselves). Prints the jars that differ, with the entries that
# differ, and exits 1 then. The sameness comes from project.build.outputTimestamp (netkit-bom)
# and from gcc's flags in jni/src/build/native-libraries.sh (-ffile-prefix-map, no build-id).
#
# usage: build/reproducible.sh [extra mvn arguments, e.g. -o]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/netkit-reproducible.XXXXXX")
trap 'rm -rf "$work"' EXIT

# One snapshot of the tree, copied before either build starts (the tree may change meanwhile).
mkdir -p "$work/first"
(cd "$root" && git ls-files -z --cached --others --exclude-standard \
  | xargs -0 -I{} sh -c '[ -e "{}" ] && printf "%s\0" "{}" || true' \
  | xargs -0 cp --parents -t "$work/first")
cp -a "$work/first" "$work/second-copy"

build() {
  local dir=$1
  shift
  echo "reproducible: mvn -B -DskipTests package in $dir"
  (cd "$dir" && mvn -B -q -DskipTests "$@" package) >"$dir.log" 2>&1 \
    || { tail -n 50 "$dir.log"; echo "reproducible: the build in $dir failed" >&2; exit 1; }
}

build "$work/first" "$@"
build "$work/second-copy" "$@"

count=0
differ=0
while IFS= read -r -d '' file; do
  relative=${file#"$work/first/"}
  other="$work/second-copy/$relative"
  count=$((count + 1))
  if ! cmp -s "$file" "$other"; then
    differ=$((differ + 1))
    echo "reproducible: DIFFERS: $relative"
    if [[ $file == *.jar ]]; then
      diff <(unzip -v "$file" | awk 'NR > 3 {print $7, $8}') \
           <(unzip -v "$other" | awk 'NR > 3 {print $7, $8}') | sed 's/^/  /' || true
    fi
  fi
done < <(find "$work/first" \( -path '*/target/*.jar' -o -path '*/target/classes/META-INF/native/*.so' \) \
           -type f -print0 | sort -z)

[ "$count" -gt 0 ] || { echo "reproducible: no jar was built" >&2; exit 1; }
if [ "$differ" -gt 0 ]; then
  echo "reproducible: $differ of $count files differ between two clean builds" >&2
  exit 1
fi
echo "reproducible: $count files (jars and native libraries) identical in two clean builds"
