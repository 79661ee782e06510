#!/usr/bin/env bash
# README command #2: install what is missing, check the written style (cargo fmt) and lints (clippy, host and
# wasm target), run the host unit tests (core and web crates), build the release app with Trunk, then run every
# browser test (tests/e2e/*.test.mjs) against dist/.
#
# Each step prints a timing line; at the end one summary line per runner is printed and, when
# XXGK_SUMMARY_FILE is set, also written there (.ci/run uses it). Exit status: non-zero if any step failed.
# A failing cargo test does not stop the build and browser tests (so that all results are reported);
# a failing install or build skips what depends on it.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

SUMMARY=()
FAILED=0
record() { SUMMARY+=("$1"); if [[ "$1" != *": PASS"* ]]; then FAILED=1; fi; }
finish() {
  echo
  echo "==== summary ===="
  printf '%s\n' "${SUMMARY[@]}"
  if [ -n "${XXGK_SUMMARY_FILE:-}" ]; then printf '%s\n' "${SUMMARY[@]}" >"$XXGK_SUMMARY_FILE"; fi
  exit "$FAILED"
}
LOGDIR="$(mktemp -d "${TMPDIR:-/tmp}/xxgk-test.XXXXXX")"

# --- 1. install ---
t0=$(now)
if bash scripts/install.sh; then
  record "install: PASS ($(since "$t0") s)"
else
  record "install: FAIL ($(since "$t0") s)"
  record "cargo fmt: NOT RUN"; record "clippy (host): NOT RUN"; record "clippy (wasm): NOT RUN"
  record "cargo test: NOT RUN"; record "trunk build: NOT RUN"; record "browser tests: NOT RUN"
  finish
fi

# --- 2. written style and lints (like cargo test, a failure here is reported but does not stop the run) ---
# step NAME CMD...: run CMD, record "NAME: PASS/FAIL (time)".
step() {
  local name="$1"; shift
  echo "test: $*"
  local t0; t0=$(now)
  if "$@"; then record "$name: PASS ($(since "$t0") s)"; else record "$name: FAIL (exit $?, $(since "$t0") s)"; fi
}
step "cargo fmt" cargo fmt --all --check
step "clippy (host)" cargo clippy -p xxgk-core -p xxgk-report-web --all-targets --color never -- -D warnings
step "clippy (wasm)" cargo clippy -p xxgk-report-web --target wasm32-unknown-unknown --all-targets --color never -- -D warnings

# --- 3. core unit tests (host) ---
echo "test: cargo test -p xxgk-core -p xxgk-report-web"
t0=$(now)
cargo test -p xxgk-core -p xxgk-report-web --color never 2>&1 | tee "$LOGDIR/cargo-test.log"
rc=${PIPESTATUS[0]}
dt=$(since "$t0")
read -r passed failed ignored < <(awk '/^test result:/ {
    for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i; if ($(i+1) ~ /^ignored/) g += $i }
  } END { print p + 0, f + 0, g + 0 }' "$LOGDIR/cargo-test.log")
if [ "$rc" -eq 0 ]; then
  record "cargo test: PASS ($passed tests, $ignored ignored, ${dt} s)"
else
  record "cargo test: FAIL ($passed passed, $failed failed, exit $rc, ${dt} s)"
fi
echo "test: cargo test: ${dt} s"

# --- 4. release build ---
# dist/ is shared by everyone working in this checkout: hold a lock from the build until the browser
# tests are done, so two runs (or bench/size.sh) never replace dist/ under each other.
lock_dist
echo "test: trunk build --release"
t0=$(now)
if trunk build --release; then
  dt=$(since "$t0")
  wasm_kb=$(find dist -maxdepth 1 -name '*.wasm' -printf '%s\n' | awk '{ s += $1 } END { printf "%.0f", s / 1024 }')
  record "trunk build: PASS (${wasm_kb} KB wasm, ${dt} s)"
  echo "test: trunk build --release: ${dt} s"
else
  record "trunk build: FAIL ($(since "$t0") s)"
  record "browser tests: NOT RUN (no build)"
  finish
fi

# --- 4b. first-load size budget (bench/first-load-budget.txt, issue 15) ---
bash bench/size.sh --no-build 2>&1 | tee "$LOGDIR/size.log"
budget_line=$(grep '^first-load budget:' "$LOGDIR/size.log" || true)
record "${budget_line:-first-load budget: FAIL (bench/size.sh gave no verdict, see above)}"

# --- 5. browser tests (Playwright + Debian Chromium) ---
shopt -s nullglob
E2E=(tests/e2e/*.test.mjs)
shopt -u nullglob
echo "test: node --test ${E2E[*]}"
t0=$(now)
XXGK_DIST="$XXGK_ROOT/dist" node --test --test-concurrency=1 --test-timeout=180000 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$LOGDIR/e2e.tap" \
  "${E2E[@]}"
rc=$?
dt=$(since "$t0")
read -r tests pass fail < <(awk '/^# tests / { t = $3 } /^# pass / { p = $3 } /^# fail / { f = $3 } END { print t + 0, p + 0, f + 0 }' "$LOGDIR/e2e.tap")
if [ "$rc" -eq 0 ] && [ "$tests" -gt 0 ]; then
  record "browser tests: PASS ($pass tests in ${#E2E[@]} files, ${dt} s)"
else
  record "browser tests: FAIL ($pass passed, $fail failed of $tests, exit $rc, ${dt} s)"
fi
echo "test: browser tests: ${dt} s"

finish
