#!/usr/bin/env bash
# The test command: installs missing prerequisites, builds, and runs every test (unit, integration against real
# PostgreSQL/Redis processes and the simulator, end-to-end through the Aspire AppHost). Extra arguments go to `dotnet test`,
# e.g. ./test.sh --filter "FullyQualifiedName~Gateway".
set -euo pipefail
cd "$(dirname "$0")"

eng/install-prerequisites.sh

results=$(mktemp -d)
status=0
dotnet test WeatherFlick.sln -c Release --logger "trx;LogFileName=results.trx" --results-directory "$results" "$@" || status=$?

# One plain closing line that any CI reads: "N passed, N failed, N skipped".
passed=0; failed=0; total=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters"); p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  total=$((total + ${t:-0})); passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
rm -rf "$results"
echo "${passed} passed, ${failed} failed, $((total - passed - failed)) skipped"
if [ "$total" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
exit $status
