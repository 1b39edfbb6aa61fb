#!/usr/bin/env bash
# Fails when a shared library needs a glibc newer than a limit.
#
# usage: check-glibc.sh MAX_VERSION LIBRARY...      e.g. check-glibc.sh 2.17 libnetkit.so
#
# Reads every versioned dynamic symbol (readelf --dyn-syms) and every version the library
# requires (readelf -V, .gnu.version_r); any GLIBC_x.y newer than MAX_VERSION fails the check,
# naming the symbols that need it. readelf reads an ELF file of any architecture, so the same
# check serves the cross-compiled libraries. READELF names another readelf (tests set it).
# Prints the newest version each library needs; exit status 0 (all within the limit), 1 (a
# library needs more) or 2 (usage, or a library that cannot be read).
set -euo pipefail
export LC_ALL=C

readelf=${READELF:-readelf}
if [ $# -lt 2 ]; then
  echo "usage: $0 MAX_VERSION LIBRARY..." >&2
  exit 2
fi
max=$1
shift

# True when version $1 is newer than version $2 (both like 2.17 or 2.2.5).
newer_than() {
  [ "$1" != "$2" ] && [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | tail -n 1)" = "$1" ]
}

status=0
for library in "$@"; do
  if ! symbols=$("$readelf" -W --dyn-syms "$library") \
      || ! needs=$("$readelf" -W -V "$library"); then
    echo "check-glibc: cannot read $library" >&2
    exit 2
  fi
  # "pthread_create@GLIBC_2.34 (4)" -> "pthread_create 2.34"; "Name: GLIBC_2.34" -> "- 2.34"
  versions=$( (printf '%s\n' "$symbols" \
        | grep -oE '[A-Za-z0-9_.$]+@@?GLIBC_[0-9.]+' | sed -E 's/@@?GLIBC_/ /' || true
      printf '%s\n' "$needs" | grep -oE 'Name: GLIBC_[0-9.]+' | sed -E 's/Name: GLIBC_/- /' || true
    ) | sort -u)
  newest=$(printf '%s\n' "$versions" | awk 'NF == 2 { print $2 }' | sort -V | tail -n 1)
  offending=()
  while read -r symbol version; do
    if [ -n "$version" ] && newer_than "$version" "$max"; then
      if [ "$symbol" = - ]; then
        offending+=("(version requirement)@GLIBC_$version")
      else
        offending+=("$symbol@GLIBC_$version")
      fi
    fi
  done <<< "$versions"
  if [ ${#offending[@]} -gt 0 ]; then
    # A symbol already names its version; drop the bare requirement of the same version.
    named=$(printf '%s\n' "${offending[@]}" | grep -v '^(version requirement)' || true)
    listed=()
    for entry in "${offending[@]}"; do
      case $entry in
        "(version requirement)@"*)
          if ! printf '%s\n' "$named" | grep -q "@${entry#*@}\$"; then listed+=("$entry"); fi ;;
        *) listed+=("$entry") ;;
      esac
    done
    echo "check-glibc: $library needs glibc newer than $max: ${listed[*]}" >&2
    status=1
  else
    echo "check-glibc: $library needs at most GLIBC_${newest:-none} (limit GLIBC_$max)"
  fi
done
exit $status
