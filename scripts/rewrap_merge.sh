#!/usr/bin/env bash
# After `git merge i18n15` into a main that has other branches' GUI work: rebuild every
# conflicted file of bangfu_desktop/gui instead of resolving 600 wrapped lines by hand.
#
#   git merge i18n15            # stops on conflicts in gui files others changed
#   bash scripts/rewrap_merge.sh
#   git diff --cached; git diff # review: what the codemod wrapped in the others' code
#   python -m pytest tests/test_i18n_wrapped.py   # lists file:line of what is left
#
# For each conflicted gui file: take main's side (the others' work), re-apply the i18n
# branch's few edits by hand (display sites that call translated(), then the hand fixes)
# as 3-way patches, and re-run scripts/wrap_tr.py over all of gui (idempotent; it also
# wraps new strings in files that merged cleanly). A patch that no longer applies
# leaves conflict markers in that file for you to resolve.
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
PY="${PYTHON:-python}"
# Commits of the i18n15 branch (a merge keeps these ids).
BASE=991abfd     # where the branch started
INFRA=ee69b68    # gui/i18n.py + translated() at the display sites
CODEMOD=8986c62  # "Wrap all GUI strings (scripts/wrap_tr.py)"
FIXES=9dab20b    # the last hand fix after the codemod (db79b98 and 9dab20b)

mapfile -t files < <(git diff --name-only --diff-filter=U -- bangfu_desktop/gui)
for f in "${files[@]}"; do
  echo "rebuilding $f"
  git checkout --ours -- "$f"
  git add -- "$f"
  git diff "$BASE" "$INFRA" -- "$f" | { git apply -3 --allow-empty || true; }
done
"$PY" scripts/wrap_tr.py
git add -A bangfu_desktop/gui  # git apply -3 wants the work tree to match the index
for f in "${files[@]}"; do
  git diff "$CODEMOD" "$FIXES" -- "$f" | { git apply -3 --allow-empty || echo "  hand fixes of $f: resolve the markers"; }
done
"$PY" scripts/wrap_tr.py --check >/dev/null || "$PY" scripts/wrap_tr.py
"$PY" scripts/extract_ts.py
git add -A bangfu_desktop/gui resources/i18n
echo "now: review the diff, then run python -m pytest tests/test_i18n_wrapped.py tests/gui"
