# shellcheck shell=bash
# A throwaway PostgreSQL cluster on loopback, for `./x test` and `./x bench`. Source this
# file, call `start_throwaway_postgres` (it sets PG_SERVER_URL, postgres://postgres@
# 127.0.0.1:PORT with no database), and call `stop_throwaway_postgres` from your EXIT trap:
# it stops the cluster and deletes its folder.
# Needs Debian's PostgreSQL server binaries (installed with apt-get when missing) and
# node (for a free port).

PG_BIN=""
PG_DIR=""
PG_SERVER_URL=""

# The newest installed PostgreSQL's bin folder, or empty.
find_postgres_bin() {
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  [ -n "$bin" ] && [ -x "$bin/initdb" ] && echo "$bin"
}

ensure_postgres() {
  PG_BIN="$(find_postgres_bin || true)"
  [ -n "$PG_BIN" ] && return
  printf '\n\033[1m==> %s\033[0m\n' "Installing PostgreSQL from Debian's packages (first run only, about a minute)"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
  PG_BIN="$(find_postgres_bin || true)"
  [ -n "$PG_BIN" ] || { echo "PostgreSQL is not installed: run apt-get install -y postgresql" >&2; return 1; }
}

# Runs a PostgreSQL program as the cluster's owner: initdb refuses to run as root, so as
# root that is the `postgres` user the Debian package creates.
as_pg_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop_throwaway_postgres() {
  if [ -n "$PG_DIR" ] && [ -d "$PG_DIR/data" ]; then
    as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  [ -n "$PG_DIR" ] && rm -rf "$PG_DIR"
  PG_DIR=""
}

# start_throwaway_postgres [durable]: a new cluster in a temporary folder, loopback only,
# trust authentication (nothing else can reach it). For tests it skips fsync; pass
# `durable` (the bench) to keep PostgreSQL's defaults, so its figures mean something.
start_throwaway_postgres() {
  ensure_postgres || return 1
  PG_DIR="$(mktemp -d /tmp/safe-updates-pg.XXXXXX)"
  [ "$(id -u)" -eq 0 ] && chown postgres "$PG_DIR"
  local port settings=""
  port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
  [ "${1:-}" = durable ] || settings="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  as_pg_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U postgres >"$PG_DIR/initdb.log" 2>&1 ||
    { cat "$PG_DIR/initdb.log" >&2; return 1; }
  as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
    -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=400 $settings" start >/dev/null ||
    { cat "$PG_DIR/server.log" >&2; return 1; }
  PG_SERVER_URL="postgres://postgres@127.0.0.1:$port"
}

# create_database NAME: an empty database on the throwaway cluster; prints its URL.
create_database() {
  "$PG_BIN/psql" -q -h 127.0.0.1 -p "${PG_SERVER_URL##*:}" -U postgres -c "CREATE DATABASE $1" >/dev/null
  echo "$PG_SERVER_URL/$1"
}
