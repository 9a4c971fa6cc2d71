#!/usr/bin/env bash
# Remake the pictures in docs/images/ from the bundled example: the HTML page as headless
# Chromium shows it, the DOCX as LibreOffice lays it out (first page, via PDF and pdftoppm), and
# the editor's page of `qaformat serve` (docs/serve_screenshot.py, Playwright on that Chromium).
# Needs qaformat installed with its test extra, and chromium, soffice and pdftoppm on PATH (see .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/images
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

qaformat convert examples/interview.txt --standalone -o "$work/example.html" --force
qaformat convert examples/interview.txt -o "$work/example.docx" --force

browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome)
timeout 90 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage \
  --hide-scrollbars --force-device-scale-factor=1 --user-data-dir="$work/profile" \
  --window-size=1000,1500 --screenshot="$PWD/$out/example-html.png" "file://$work/example.html" \
  >/dev/null 2>&1

HOME="$work" timeout 120 soffice --headless -env:UserInstallation="file://$work/lo" \
  --infilter="MS Word 2007 XML" --convert-to pdf --outdir "$work" "$work/example.docx" >/dev/null 2>&1
pdftoppm -png -r 80 -f 1 -l 1 "$work/example.pdf" "$work/page"
cp "$work"/page-*1.png "$out/example-docx.png"
echo "wrote $out/example-html.png and $out/example-docx.png"
python docs/serve_screenshot.py
