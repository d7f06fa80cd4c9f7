#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the server's tests (CI, or a developer as root):
# installs Debian's postgresql when its binaries are missing, runs initdb into a temporary
# folder as the postgres user, starts it on 127.0.0.1:${PGPORT:-54329} with trust auth, and
# prints the TEST_DATABASE_URL to use. `server/scripts/postgres.sh stop DIR` stops it again.
set -euo pipefail

if [ "${1:-}" = stop ]; then
  dir="$2"
  bin=$(cat "$dir/bin")
  su postgres -s /bin/sh -c "'$bin/pg_ctl' -D '$dir/data' -m fast stop" >/dev/null
  rm -rf "$dir"
  exit 0
fi

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
bin=$(find_bin)
if [ -z "$bin" ]; then
  echo "installing Debian's postgresql" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >/dev/null
  bin=$(find_bin)
fi
id postgres >/dev/null 2>&1 || useradd --system --home /var/lib/postgresql --shell /bin/sh postgres

port="${PGPORT:-54329}"
dir=$(mktemp -d /tmp/lc-postgres-XXXXXX)
echo "$bin" > "$dir/bin"
chown postgres "$dir"
su postgres -s /bin/sh -c "'$bin/initdb' -D '$dir/data' -U postgres --auth=trust -E UTF8 >/dev/null"
su postgres -s /bin/sh -c "'$bin/pg_ctl' -D '$dir/data' -l '$dir/log' -w -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off\" start" >/dev/null
echo "PGDIR=$dir"
echo "TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres"
