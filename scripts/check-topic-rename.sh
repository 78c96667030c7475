#!/usr/bin/env bash
# Proof for issue #15 item 3 ("adding or renaming a topic needs no test edit"): copies the committed tree into a
# temporary directory (git archive, node_modules symlinked), renames every topic, family and user message type in
# the copy's asyncapi.yaml (its examples and descriptions too, so codegen's example check passes), then runs
# `npm run codegen`, `npm run docs` (a rename changes the HTML docs), `npm run typecheck` and a fast subset of the
# tests there. Nothing outside the copy changes.
#
#   scripts/check-topic-rename.sh [--ref <git ref>] [--keep] [-- <vitest files or folders>]
#
# --ref: the tree to copy (default HEAD; uncommitted changes are not copied). --keep: leave the copy for a look.
# Files after `--` replace the default subset. Exit 0 when codegen, typecheck and every test pass; 1 otherwise,
# with the failing test files and their first error listed at the end.
set -uo pipefail

ref=HEAD
keep=0
files=()
while [ $# -gt 0 ]; do
  case "$1" in
    --ref) ref="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    --) shift; files=("$@"); break ;;
    -h | --help) sed -n '2,/^set /p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "check-topic-rename: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

# Unit, property and codegen tests, the simulation, and the integration files that exercise topics end to end.
if [ ${#files[@]} -eq 0 ]; then
  files=(
    src/core src/adapters src/handlers src/publisher src/client src/local/console
    test/codegen test/property test/local/edge bench/simulation infra
    test/integration/delivery.test.ts test/integration/subscriptions.test.ts
    test/integration/kafka-local.test.ts test/integration/fan-out-shards.test.ts
  )
fi

root=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel) || exit 2
work=$(mktemp -d "${TMPDIR:-/tmp}/wspush-rename.XXXXXX")
if [ "$keep" -eq 0 ]; then trap 'rm -rf "$work"' EXIT; else echo "check-topic-rename: the copy stays at $work"; fi

git -C "$root" archive "$ref" | tar -x -C "$work" || { echo "check-topic-rename: git archive $ref failed" >&2; exit 2; }
ln -s "$root/node_modules" "$work/node_modules"
cd "$work" || exit 2

# The renames. Names are replaced where they stand as names: a family prefix only before a parameter or a value
# (`jobs.{jobId}`, `jobs.8812`), never at the end of a sentence ("for offline users.").
perl -pi -e '
  s/\bannouncements\b/news/g;
  s/\bjob-status\b/job-state/g;
  s/\baudit-alerts\b/audit-warnings/g;
  s/\bjobs\.(?=[{A-Za-z0-9*_])/tasks./g;
  s/\bdocuments\.(?=[{A-Za-z0-9*_])/files./g;
  s/\busers\.(?=[{A-Za-z0-9*_])/members./g;
  s/\bnotification\b/notice/g;
  s/\bdocument-ready\b/file-ready/g;
' asyncapi.yaml
left=$(grep -nE '\b(announcements|job-status|audit-alerts|notification|document-ready)\b|\b(jobs|documents|users)\.[{A-Za-z0-9*_]' asyncapi.yaml)
if [ -n "$left" ]; then
  echo "check-topic-rename: old names left in the renamed contract:" >&2
  echo "$left" >&2
  exit 2
fi
echo "check-topic-rename: renamed in asyncapi.yaml ($(git -C "$root" rev-parse --short "$ref")):"
echo "  announcements→news job-status→job-state audit-alerts→audit-warnings jobs.→tasks. documents.→files."
echo "  users.→members. notification→notice document-ready→file-ready"

status=0
step() {
  local name="$1"
  shift
  echo
  echo "=== $name: $*"
  if "$@"; then
    echo "=== $name: ok"
  else
    echo "=== $name: FAILED"
    status=1
  fi
}

step codegen npm run --silent codegen
step docs npm run --silent docs
step typecheck npm run --silent typecheck
report="$work/.rename-vitest.json"
step tests npx vitest run --reporter=default --reporter=json --outputFile.json="$report" "${files[@]}"

if [ -f "$report" ]; then
  echo
  echo "=== failing test files under the rename:"
  node -e '
    const r = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
    const root = process.argv[2] + "/";
    let n = 0;
    for (const file of r.testResults) {
      const failed = file.assertionResults.filter((a) => a.status === "failed");
      if (file.status !== "failed") continue;
      n++;
      const first = failed[0];
      const why = (first?.failureMessages?.[0] ?? file.message ?? "").split("\n")[0].slice(0, 240);
      console.log(`${file.name.replace(root, "")}: ${failed.length} failed${first ? ` (first: ${first.title})` : ""}\n    ${why}`);
    }
    if (n === 0) console.log("(none)");
    console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
  ' "$report" "$work"
fi
exit "$status"
