#!/usr/bin/env bash
# The one test command (README, .ci/run): installs what is missing, builds, runs every test project against the real
# parts (Azurite, maildev, the worker under the local Functions host; the fixtures start them), and ends with one
# plain line of totals: "tests: N passed, N failed, N skipped". It fails when a test failed, when a test project left
# no result, or when no test ran.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

source scripts/lib/local-services.sh
ensure_local_services_installed || { echo "tests: 0 passed, 1 failed"; exit 1; }

config=Release
results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

if ! dotnet build RegRights.Functions.sln -c "$config" -nologo -clp:ErrorsOnly; then
  echo "build failed"
  echo "tests: 0 passed, 1 failed"
  exit 1
fi

# The native regrights (Native AOT), whose output the CLI's tests compare with the dotnet tool's. Built here, before any
# test runs, because it compiles the same projects the tests' own builds did and two builds must not share obj/.
if ! dotnet publish src/RegRights.Cli -c "$config" -nologo -clp:ErrorsOnly -o "$root/artifacts/cli"; then
  echo "native CLI build failed"
  echo "tests: 0 passed, 1 failed"
  exit 1
fi

# Every project that references xunit.v3 is a test project; each is an executable (xunit's own runner) and writes its
# own .trx under its own name, so no two reports can collide (a default .trx name has one-second resolution).
mapfile -t projects < <(grep -l 'Include="xunit.v3"' tests/*/*.csproj | xargs -n1 dirname | xargs -n1 basename | sort)
if [ "${#projects[@]}" -eq 0 ]; then
  echo "no test project found"
  echo "tests: 0 passed, 1 failed"
  exit 1
fi

run_project() {
  local name="$1"
  local dll="tests/$name/bin/$config/net10.0/$name.dll"
  dotnet "$dll" -noColor -noLogo -result-trx "$results/$name.trx" > "$results/$name.log" 2>&1
  echo $? > "$results/$name.exit"
  grep -E "^ +$name +Total:" "$results/$name.log" || echo "   $name: no summary (exit $(cat "$results/$name.exit"))"
}
export -f run_project
export results config
# Two at a time: the machine has two cores, and the functional tests start their own services.
printf '%s\n' "${projects[@]}" | xargs -P 2 -I{} bash -c 'run_project {}'

status=0
passed=0; failed=0; skipped=0
for name in "${projects[@]}"; do
  code="$(cat "$results/$name.exit" 2>/dev/null || echo missing)"
  trx="$results/$name.trx"
  if [ "$code" != 0 ]; then
    echo "---- $name exited with $code; its output:"
    cat "$results/$name.log"
    status=1
  fi
  if [ ! -s "$trx" ]; then
    echo "$name produced no test result ($trx is missing)"
    failed=$((failed + 1))
    status=1
    continue
  fi
  read -r t e p f < <(grep -o '<Counters [^>]*' "$trx" | awk '{
      for (i = 1; i <= NF; i++) { split($i, kv, "="); gsub(/"/, "", kv[2]); c[kv[1]] += kv[2] }
    } END { printf "%d %d %d %d\n", c["total"], c["executed"], c["passed"], c["failed"] + c["error"] + c["timeout"] + c["aborted"] }')
  if [ "${e:-0}" -eq 0 ]; then
    echo "$name ran no test"
    status=1
  fi
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done

echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
