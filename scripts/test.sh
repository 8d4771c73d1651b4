#!/usr/bin/env bash
# The one test command (README, .ci/run): installs what is missing, builds, runs every test
# project against the real parts (Azurite, maildev, Kestrel on loopback; the fixtures start them),
# and ends with one plain line of totals: "tests: N passed, N failed, N skipped".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

source scripts/lib/local-services.sh
ensure_local_services_installed || { echo "tests: 0 passed, 1 failed"; exit 1; }

config=Release
results="$root/artifacts/test-results"
rm -rf "$results"

if ! dotnet build RegRights.Functions.sln -c "$config" -nologo -clp:ErrorsOnly; then
  echo "build failed"
  echo "tests: 0 passed, 1 failed"
  exit 1
fi

# Microsoft.Testing.Platform (global.json) runs each test project; xunit writes one .trx per project.
dotnet test --solution RegRights.Functions.sln -c "$config" --no-build \
  --report-xunit-trx --results-directory "$results" --no-progress
status=$?

# Sum the counters of every project's .trx into the one line CI reads.
read -r total executed passed failed < <(
  cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*' |
    awk '{
      for (i = 1; i <= NF; i++) { split($i, kv, "="); gsub(/"/, "", kv[2]); c[kv[1]] += kv[2] }
    } END { printf "%d %d %d %d\n", c["total"], c["executed"], c["passed"], c["failed"] + c["error"] + c["timeout"] + c["aborted"] }')
skipped=$((total - executed))
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"

if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
