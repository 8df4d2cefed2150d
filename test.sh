#!/usr/bin/env bash
# Installs what the tests need (npm packages incl. Azurite, Debian's chromium) and runs every test.
# The tests start their own Azurite (free ports, temporary data) and their own app on loopback.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Debian chromium for the browser tests..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
npm ci --no-audit --no-fund --loglevel=error
npm run --silent build:web >/dev/null

dotnet build Serverless.sln -c Release -nologo -v quiet
# One test project at a time: each starts its own Azurite and app, and the machine has two cores.
status=0
for project in tests/Portal.Domain.Tests tests/Portal.Infra.Tests tests/Portal.Stores.Tests tests/Portal.Functions.Tests tests/Portal.Resilience.Tests tests/Portal.Web.Tests; do
  echo "== $project"
  dotnet test "$project" -c Release --no-build -nologo --logger "console;verbosity=minimal" || status=1
done
exit $status
