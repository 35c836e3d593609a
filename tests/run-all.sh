#!/usr/bin/env bash
# Every test of the repository in one command, on a fresh clone or a fresh Debian machine:
# installs what the browser tests need when it is missing (Chromium and Java from Debian, the checkers from npm;
# python3-rdflib for the DCAT test; clang to link the native CLI), publishes the CLI as a native executable for the
# tests that compare it with the managed one, then runs `dotnet test Transferkatalog.sln` and closes with one line
# "N passed, N failed".
# Arguments are passed on to dotnet test, e.g. `bash tests/run-all.sh --filter "FullyQualifiedName~Cli"`.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

if ! command -v dotnet >/dev/null 2>&1; then
  echo "Das .NET SDK fehlt (Version siehe global.json): https://dotnet.microsoft.com/download" >&2
  exit 1
fi

# Debian packages, only those that are missing, so a second run costs nothing and needs no root.
missing=()
[ -x "${TK_CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || missing+=(npm)
# Debian's rdflib parses the DCAT-AP.de description (daten/dcat.rdf) in OpenDataTests.
/usr/bin/python3 -c "import rdflib" >/dev/null 2>&1 || missing+=(python3-rdflib)
# The native (AOT) CLI is linked by clang, as on GitHub's runners.
command -v clang >/dev/null 2>&1 || missing+=(clang)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installiere aus Debian: ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then apt_get=(apt-get); else apt_get=(sudo apt-get); fi
  export DEBIAN_FRONTEND=noninteractive
  "${apt_get[@]}" update -qq
  "${apt_get[@]}" install -y -qq "${missing[@]}" >/dev/null
fi

# axe-core and vnu-jar for the browser tests, again only when package-lock.json changed since the last install.
# Scripts off: vnu-jar's postinstall would try to download a Java of its own.
tools=tests/Transferkatalog.BrowserTests
if ! cmp -s "$tools/package-lock.json" "$tools/node_modules/.installed-lock.json" 2>/dev/null; then
  (cd "$tools" && npm ci --ignore-scripts --no-audit --no-fund && cp package-lock.json node_modules/.installed-lock.json)
fi

# The native executable the GitHub action and the benchmark run (tests/Transferkatalog.Tests/Native); an unchanged
# source publishes again in seconds. TK_NATIVE_CLI set beforehand names one already built.
if [ -z "${TK_NATIVE_CLI:-}" ]; then
  echo "Veröffentliche die CLI als native Datei (AOT) nach artifacts/native …"
  dotnet publish src/Transferkatalog.Cli -c Release --use-current-runtime -p:PublishAot=true -o artifacts/native --nologo -v quiet
  export TK_NATIVE_CLI="$PWD/artifacts/native/Transferkatalog.Cli"
fi

# Each test project prints its own result line; they are summed into one closing line.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Transferkatalog.sln "$@" 2>&1 | tee "$log" || status=$?
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}' || true)
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}' || true)
echo "${passed:-0} passed, ${failed:-0} failed"
exit "$status"
