#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs what is missing, type-checks, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
npx vitest run "$@"
