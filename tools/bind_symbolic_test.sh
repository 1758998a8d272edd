#!/usr/bin/env bash
# tools/bind_symbolic.py: it binds a library's references to its own symbols, the
# library still works, a second run changes nothing, bad input is refused, and the
# libnode.so.108 toysnap links was bound by tools/setup.
set -euo pipefail

tool="$1" library="$2" loader="$3" libnode="$4"
work="$(mktemp -d "${TEST_TMPDIR:-/tmp}/bind_symbolic.XXXXXX")"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

symbolic() {  # relocations ld.so must look up by name, against $2
  readelf -rW "$1" | awk -v name="$2" '$3 != "R_X86_64_RELATIVE" && $5 == name' | wc -l
}

relative_first() {  # DT_RELACOUNT counts the relative relocations, and they come first
  local count
  count="$(readelf -dW "$1" | awk '$2 == "(RELACOUNT)" {print $3}')"
  [[ -n "$count" ]] || return 1
  readelf -rW "$1" | awk '$3 ~ /^R_X86_64_/ {print $3}' | awk -v n="$count" '
    (NR <= n) != ($1 == "R_X86_64_RELATIVE") {bad = 1} END {exit bad}'
}

cp "$library" "$work/lib.so" && chmod u+w "$work/lib.so"
[[ "$("$loader" "$work/lib.so")" == 42 ]] || fail "the unpatched library does not answer 42"
[[ $(symbolic "$work/lib.so" selfref_increment) -gt 0 ]] || fail "no symbolic relocation to bind in the fixture"
[[ $(symbolic "$work/lib.so" selfref_base) -gt 0 ]] || fail "no data relocation to bind in the fixture"
unique=_ZZN7selfref5CountEvE5count
[[ "$(nm -D "$work/lib.so" | awk -v n=$unique '$3 == n {print $2}')" == u ]] || fail "$unique is not GNU-unique"
[[ $(symbolic "$work/lib.so" $unique) -gt 0 ]] || fail "no relocation against $unique in the fixture"

relocations() { readelf -rW "$1" | awk '$3 ~ /^R_X86_64_/ {print $1, $3, $4, $5}' | sort; }
relocations "$work/lib.so" > "$work/before.txt"

out="$(python3 "$tool" "$work/lib.so")"
[[ "$out" =~ :\ ([0-9]+)\ relocations\ bound\ locally ]] && [[ ${BASH_REMATCH[1]} -ge 4 ]] ||
  fail "expected at least 4 bound relocations, got: $out"
relative_first "$work/lib.so" || fail "the relative relocations do not all come first: $(readelf -rW "$work/lib.so")"
# Reordering keeps every relocation: the ones left to ld.so are those not bound.
[[ "$(relocations "$work/lib.so" | grep -v R_X86_64_RELATIVE)" == \
   "$(grep -v R_X86_64_RELATIVE "$work/before.txt" | grep -v selfref)" ]] ||
  fail "relocations other than the bound ones changed"
[[ "$(relocations "$work/lib.so" | wc -l)" -eq "$(wc -l < "$work/before.txt")" ]] ||
  fail "the number of relocations changed"
[[ $(symbolic "$work/lib.so" selfref_increment) -eq 0 ]] || fail "selfref_increment is still looked up"
[[ $(symbolic "$work/lib.so" selfref_base) -eq 0 ]] || fail "selfref_base is still looked up"
[[ $(symbolic "$work/lib.so" $unique) -eq 0 ]] || fail "$unique is still looked up"
[[ "$("$loader" "$work/lib.so")" == 42 ]] || fail "the bound library does not answer 42"

before="$(sha256sum < "$work/lib.so")"
out="$(python3 "$tool" "$work/lib.so")"
[[ "$out" == *": 0 relocations bound locally"*", 0 relative ones moved"* ]] || fail "a second run changed more: $out"
[[ "$(sha256sum < "$work/lib.so")" == "$before" ]] || fail "a second run changed the file"

echo "not an ELF file" > "$work/text"
set +e
err="$(python3 "$tool" "$work/text" 2>&1)"; code=$?
set -e
[[ $code -eq 1 && "$err" == *"not a little-endian x86-64 ELF64 file"* ]] ||
  fail "a text file gave exit $code: $err"
[[ "$(cat "$work/text")" == "not an ELF file" ]] || fail "the refused file was changed"

out="$(python3 "$tool" "$libnode" --check)"
[[ "$out" == *": 0 relocations bound locally"* ]] || fail "tools/setup did not bind libnode: $out"
[[ "$out" == *", 0 relative ones moved"* ]] ||
  fail "tools/setup did not put libnode's relative relocations first: $out"
echo PASS
