#!/usr/bin/env bash
# Sample checklists: three example projects (planning-b has scenarios) in English and Japanese, as PDF and as PNG pages (pdftoppm).
set -euo pipefail
cd "$(dirname "$0")/../.."
make -s debs venv catalogs
out=docs/samples
rm -f "$out"/*.pdf "$out"/*.png
for ex in hsp-holder-b spouse-route planning-b; do
  for lang in en ja; do
    .venv/bin/hsp-wizard checklist "examples/$ex.hspw" -o "$out/$ex-$lang.pdf" --lang "$lang"
    pdftoppm -r 60 -png "$out/$ex-$lang.pdf" "$out/$ex-$lang"
  done
done
ls "$out"
