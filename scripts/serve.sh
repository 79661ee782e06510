#!/usr/bin/env bash
# README command #1: install what is missing, then build (release) and serve the app on
# http://127.0.0.1:8080 , rebuilding on changes. Extra arguments go to `trunk serve`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
bash scripts/install.sh
echo "serve: building, then serving on http://127.0.0.1:8080/ (Ctrl-C stops)"
exec env "${TRUNK_ENV[@]}" trunk serve --release --address 127.0.0.1 --port 8080 "$@"
