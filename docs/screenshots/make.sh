#!/usr/bin/env bash
# Screenshots of every wizard page in a real X window (Xvfb). Installs Xvfb and a Japanese font when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
make -s debs venv
export HSP_WIZARD_CONFIG_DIR="$(mktemp -d)"
make -s catalogs
for variant in "--lang en" "--lang ja" "--pseudo"; do
  # shellcheck disable=SC2086
  xvfb-run -a -s "-screen 0 1280x720x24" .venv/bin/python docs/screenshots/make_screenshots.py $variant "$@"
done
