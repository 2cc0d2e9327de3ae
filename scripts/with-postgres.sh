#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL server: installs PostgreSQL from Debian's packages when it
# is missing, starts a fresh cluster on a loopback port in a temporary directory, runs the command with
# MEHVAR_TEST_DATABASE_URL pointing at it, then stops the server and deletes the directory (also on failure).
#   ./scripts/with-postgres.sh npx vitest run
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 <command...>" >&2; exit 2; }

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
# The newest server installed (a client-only package has a bin directory without initdb).
pg_bin() { ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 | xargs -r dirname; }
bin=$(pg_bin)
if [ -z "$bin" ]; then
  echo "with-postgres: installing PostgreSQL from Debian's packages"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  bin=$(pg_bin)
fi

# initdb refuses to run as root, so root runs the server as the postgres user the package created.
dir=$(mktemp -d /tmp/mehvar-pg.XXXXXX)
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres: "$dir"
  as_owner=(runuser -u postgres --)
fi

stop() {
  "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

# The first free port from 55432 up, so two runs on one machine do not collide.
port=${MEHVAR_PG_PORT:-55432}
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done

"${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }
# Durability settings are off because the cluster is thrown away; connections are raised for parallel tests.
"${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }

export MEHVAR_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
echo "with-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
status=0
"$@" || status=$?
exit $status
