#!/usr/bin/env bash
# Scale of `xxgk-report summarize`: N drafts (default 10,000: copies of the eight core/fixtures
# reports, each under its own unit name, year 2023) summed into one summary draft plus the XLSX
# overview, with the release CLI. Prints the time beside the goal (≤ 5 s for 10,000 drafts).
#
#   bash bench/summary_cli.sh [N]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/env.sh
N=${1:-10000}
GOAL=5
cargo build --release -q -p xxgk-core --bin xxgk-report
bin="${CARGO_TARGET_DIR:-target}/release/xxgk-report"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir "$dir/drafts"
node - "$dir/drafts" "$N" <<'JS'
const fs = require('fs');
const path = require('path');
const [out, n] = [process.argv[2], Number(process.argv[3])];
const fixtures = fs.readdirSync('core/fixtures').filter((f) => /^\d.*\.json$/.test(f)).sort()
  .map((f) => JSON.parse(fs.readFileSync(path.join('core/fixtures', f), 'utf8')));
for (let i = 0; i < n; i++) {
  const draft = structuredClone(fixtures[i % fixtures.length]);
  draft.report.unit_name = `测试县第${i + 1}单位`;
  draft.report.year = 2023;
  fs.writeFileSync(path.join(out, `${String(i + 1).padStart(5, '0')}.json`), JSON.stringify(draft, null, 2));
}
JS
bytes=$(du -sb "$dir/drafts" | cut -f1)
load=$(cut -d' ' -f1-3 /proc/loadavg)
set +e
# Wall time, and the CPU time of the run (user + system, all threads): the machine may be shared,
# and the wall time then grows with the other work while the CPU time does not.
TIMEFORMAT='%R %U %S'
{ time "$bin" summarize "$dir/drafts" --unit 测试县人民政府 --year 2023 -o "$dir/汇总.json" --xlsx "$dir/概览.xlsx" >"$dir/out.txt"; } 2>"$dir/time.txt"
rc=$?
set -e
read -r t user sys <"$dir/time.txt"
[ "$rc" -le 1 ] || { cat "$dir/out.txt"; echo "summarize failed (exit $rc)" >&2; exit 1; }
head -1 "$dir/out.txt"
printf 'summarize %d drafts (%d MB): %s s (goal ≤ %d s for 10000) — %s\n' "$N" "$((bytes / 1048576))" "$t" "$GOAL" \
  "$(awk -v t="$t" -v g="$GOAL" 'BEGIN { print (t <= g) ? "ok" : "OVER GOAL" }')"
printf 'CPU time %.1f s (user %s s + system %s s) on %d cores; load average before the run: %s\n' \
  "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" "$user" "$sys" "$(nproc)" "$load"
printf 'outputs: summary draft %d bytes, overview xlsx %d bytes\n' "$(stat -c %s "$dir/汇总.json")" "$(stat -c %s "$dir/概览.xlsx")"
