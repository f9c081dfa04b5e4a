#!/usr/bin/env bash
# Build the one-folder bundle and run it from outside the checkout, so a path that
# exists only in a source tree would fail here.
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install -q "pyinstaller>=6,<7"
python -m PyInstaller --noconfirm --log-level WARN --distpath build/dist --workpath build/work build.spec
bundle="$(pwd)/build/dist/bangfu"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
"$bundle/bangfu" --version
"$bundle/bangfu" --db "$tmp/demo.sqlite3" demo
"$bundle/bangfu" --db "$tmp/demo.sqlite3" stats | grep -q "^tasks: [1-9]"
"$bundle/bangfu" --db "$tmp/demo.sqlite3" check
# Commands whose modules load their libraries lazily (openpyxl, reportlab, Pillow).
"$bundle/bangfu" --db "$tmp/demo.sqlite3" export activities -o "$tmp/activities.xlsx"
"$bundle/bangfu" --db "$tmp/demo.sqlite3" export archive -o "$tmp/archive.pdf"
# Qt's own Chinese translations (确定/取消, the file dialog) must travel with the window.
find "$bundle" -name 'qtbase_zh_CN.qm' | grep -q . || { echo "qtbase_zh_CN.qm missing from the bundle" >&2; exit 1; }
# 打印预览 renders with pdfium: its library must travel with the window, and load.
find "$bundle" -path '*pypdfium2_raw*' \( -name 'libpdfium*' -o -name 'pdfium*.dll' \) | grep -q . \
    || { echo "pdfium library (pypdfium2_raw) missing from the bundle" >&2; exit 1; }
find "$bundle" -path '*pypdfium2_raw*' -name 'version.json' | grep -q . \
    || { echo "pypdfium2_raw/version.json missing from the bundle" >&2; exit 1; }
# The window starts and stays up (offscreen) on the demo database: a missing module would end it.
rc=0; BANGFU_CONFIG_DIR="$tmp/config" QT_QPA_PLATFORM=offscreen timeout 15 "$bundle/bangfu-desktop" \
    --db "$tmp/demo.sqlite3" >"$tmp/window.log" 2>&1 || rc=$?
[ "$rc" = 124 ] || { echo "the frozen window ended with $rc:" >&2; cat "$tmp/window.log" >&2; exit 1; }
echo "frozen build OK: $bundle"
