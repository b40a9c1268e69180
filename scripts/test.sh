#!/usr/bin/env bash
# The README's test command: prepares what the suite needs on this machine, then runs it.
# - Debian's chromium and chromium-driver (browser tests), installed when missing;
# - the machine's PostgreSQL 15, started, with the suite's role and an empty database
#   (scripts/postgres-for-tests.sh);
# - then `mvn -B verify` (extra arguments are passed on, e.g. -DskipPostgres).
# Keycloak 26.5.6, the test framework, GreenMail and HtmlUnit come from Maven Central; the
# console's npm packages, axe-core among them, from the npm registry.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update
  $SUDO apt-get install -y chromium chromium-driver
fi
bash scripts/postgres-for-tests.sh
mvn -B verify "$@"
