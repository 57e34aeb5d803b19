#!/usr/bin/env bash
# Runs every CreditPower test on real servers: installs what is missing, restores, builds, then runs the
# unit, integration, end-to-end (whole AppHost) and browser test projects one after another. The servers
# are started by the tests themselves (once per test project) from the OS packages, on free loopback ports.
# Prints one closing line "N passed, N failed" and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
eng/install-prerequisites.sh --browser || exit 1

results=artifacts/test-results
rm -rf "$results"; mkdir -p "$results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build CreditPower.sln -nologo -v q -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }

status=0
for project in tests/UnitTests tests/TestSupport.Tests tests/IntegrationTests tests/EndToEnd; do
  [ -d "$project" ] || continue
  echo "== $project"
  dotnet test --project "$project" --no-build \
    --results-directory "$PWD/$results/$(basename "$project")" --report-xunit-trx || status=1
done

# Sum the TRX counters of every project (CI reads this line).
read -r passed failed < <(python3 - "$results" <<'PY'
import glob, re, sys
passed = failed = 0
for f in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    text = open(f, encoding="utf-8").read()
    m = re.search(r"<Counters ([^>]*)/>", text)
    if m:
        attrs = dict(re.findall(r'(\w+)="(\d+)"', m.group(1)))
        passed += int(attrs.get("passed", 0))
        failed += int(attrs.get("failed", 0)) + int(attrs.get("error", 0)) + int(attrs.get("timeout", 0)) + int(attrs.get("aborted", 0))
print(passed, failed)
PY
)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
