#!/usr/bin/env bash
# Size report for the release build: every .wasm and .js in dist/ raw, gzip -9 and brotli -q 11,
# then the first-load transfer (brotli) of what dist/index.html itself loads: the HTML plus every
# file its src/href attributes name (the loader JS, the app wasm, CSS, ...).
# Files that index.html does not load (a DOCX worker's wasm fetched on demand, sw.js, ...) are
# listed with their sizes but are NOT counted in first-load.
#
#   bash bench/size.sh            # trunk build --release, then the report
#   bash bench/size.sh --no-build # report on the dist/ that is there
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/env.sh"

lock_dist
if [ "${1:-}" != "--no-build" ]; then
  t0=$(now)
  trunk build --release >&2
  echo "release build: $(since "$t0") s"
fi
command -v brotli >/dev/null || { echo "brotli is missing: run scripts/install.sh" >&2; exit 1; }
[ -f dist/index.html ] || { echo "no dist/index.html" >&2; exit 1; }

raw() { stat -c %s "$1"; }
gz() { gzip -9 -c "$1" | wc -c; }
br() { brotli -q 11 -c "$1" | wc -c; }

# Local files named by src=/href= in index.html (leading base "/" and any ?query/#fragment removed).
mapfile -t first < <(grep -oE '(src|href)="[^"]*"' dist/index.html | sed -E 's/^[a-z]+="//; s/"$//; s/[?#].*$//' \
  | grep -vE '^(data:|https?:|//|#)' | sed -E 's#^\./##; s#^/##' | sort -u | while read -r f; do [ -f "dist/$f" ] && echo "$f"; done)
is_first() { local f; for f in "${first[@]}"; do [ "$f" = "$1" ] && return 0; done; return 1; }

printf '%-48s %10s %10s %10s  %s\n' "file (dist/)" "raw" "gzip-9" "brotli-11" "loaded by index.html"
shopt -s nullglob globstar
for f in dist/**/*.wasm dist/**/*.js; do
  rel=${f#dist/}
  if is_first "$rel"; then fl=yes; else fl="no (not first-load)"; fi
  printf '%-48s %10d %10d %10d  %s\n' "$rel" "$(raw "$f")" "$(gz "$f")" "$(br "$f")" "$fl"
done | sort -u

tot_raw=0; tot_br=0
printf '\nfirst load (index.html and what it names):\n'
for rel in index.html "${first[@]}"; do
  r=$(raw "dist/$rel"); b=$(br "dist/$rel")
  tot_raw=$((tot_raw + r)); tot_br=$((tot_br + b))
  printf '  %-46s %10d raw %10d br\n' "$rel" "$r" "$b"
done
printf 'first-load total: %d bytes raw, %d bytes brotli (%.1f KB)\n' "$tot_raw" "$tot_br" "$(awk -v b="$tot_br" 'BEGIN { print b / 1024 }')"
