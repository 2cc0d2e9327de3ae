#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs what is missing, type-checks, runs every test on the
# embedded SQLite database and then again on a throwaway PostgreSQL server (scripts/with-postgres.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/audit.sh
echo "test: on SQLite"
npx vitest run "$@"
echo "test: on PostgreSQL"
./scripts/with-postgres.sh npx vitest run "$@"
