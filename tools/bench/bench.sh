#!/usr/bin/env bash
# Speed and size against budgets; called by `./x bench`, which builds everything first.
# usage: tools/bench/bench.sh [bytes] [api] [caselist] [pages] [writes] [postgres] [delivery]
#        (default: all seven)
#
# Needs (set by ./x): SERVER (release server binary), LOADGEN (tools/loadgen binary), DIST
# (trunk's dist/), NODE_DIR (end2end/, for Lighthouse), CHROME_PATH, NOTIFY_DOUBLE
# (tools/notify-double binary); oha on PATH; python3 (its sqlite3 module polls the outbox;
# with venv, for the test mail relay, tools/smtp/test-relay.sh) and openssl.
# Every part appends rows "metric<TAB>measured<TAB>budget<TAB>pass|fail|-" to one file; the
# table is printed at the end and the exit status is 1 when any budget is broken.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
: "${SERVER:?set SERVER to the release server binary}" "${DIST:?set DIST to dist/}"
: "${NODE_DIR:?set NODE_DIR to end2end/}" "${CHROME_PATH:=/usr/bin/chromium}"
: "${LOADGEN:=}" "${NOTIFY_DOUBLE:=}"
# Budgets (README "Speed and size").
BYTES_BUDGET_KB=150
READ_RATIO_BUDGET_PCT=50
READ_P99_BUDGET_MS=5
GROWTH_BUDGET_X=2
PERF_BUDGET=98
LCP_BUDGET_S=1.2
CLS_BUDGET=0.02
TBT_BUDGET_MS=100
WRITES_BUDGET_PER_S=2000
# Load shapes.
CONCURRENCY=50
DURATION=10s
FIXED_RATE=1000
# The staff lists read a whole caseload (about 1,000 cases) per request: a lower rate.
LIST_RATE=${LIST_RATE:-100}
SEED_LIMIT_SECS=${SEED_LIMIT_SECS:-300}
WRITERS=200
WRITE_SECS=10
DELIVERY_MESSAGES=10000
DELIVERY_LIMIT_SECS=${DELIVERY_LIMIT_SECS:-600}

WORK="$(mktemp -d /tmp/safe-updates-bench.XXXXXX)"
RESULTS="$WORK/results.tsv"
: >"$RESULTS"
SERVER_PID=""
DOUBLE_PID=""
# shellcheck source=tools/throwaway-postgres.sh
source "$HERE/../throwaway-postgres.sh"
# shellcheck source=tools/smtp/test-relay.sh
source "$HERE/../smtp/test-relay.sh"
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  [ -n "$DOUBLE_PID" ] && kill "$DOUBLE_PID" 2>/dev/null && wait "$DOUBLE_PID" 2>/dev/null
  stop_throwaway_postgres
  stop_test_relay
  rm -rf "$WORK"
}
trap cleanup EXIT
# One copy of each binary for the whole run, so a rebuild meanwhile cannot mix versions
# (a database seeded by one build and opened by another).
cp "$SERVER" "$WORK/server"
SERVER="$WORK/server"
if [ -n "$LOADGEN" ]; then cp "$LOADGEN" "$WORK/loadgen" && LOADGEN="$WORK/loadgen"; fi
if [ -n "$NOTIFY_DOUBLE" ]; then cp "$NOTIFY_DOUBLE" "$WORK/notify-double" && NOTIFY_DOUBLE="$WORK/notify-double"; fi
# The seeder and the servers seal contact details with a data key (README "Data at rest");
# both read this variable, so every database of the run opens with the same key.
"$SERVER" new-data-key --to "$WORK/data-key.json" >/dev/null
export DATA_KEY_FILE="$WORK/data-key.json"

say() { printf '\n\033[1m--> %s\033[0m\n' "$*" >&2; }
row() { printf '%s\t%s\t%s\t%s\n' "$@" >>"$RESULTS"; }
# 1000000 -> 1,000,000
thousands() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"$1"; }
# pass/fail for "measured <= limit" (or >= with "ge").
verdict() { awk -v m="$1" -v l="$2" -v op="${3:-le}" 'BEGIN { ok = (op == "ge") ? (m >= l) : (m <= l); print ok ? "pass" : "fail" }'; }

# A free loopback port (the kernel picks it; nothing else binds it in between on loopback).
free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

# start_server DATABASE_URL [extra flags]: runs the release server on a free port and
# returns once /api/health answers. Sets BASE (http://127.0.0.1:PORT) and SERVER_PID.
start_server() {
  local db="$1"
  shift
  local port
  port="$(free_port)"
  BASE="http://127.0.0.1:$port"
  RUST_LOG=warn "$SERVER" --addr "127.0.0.1:$port" --database-url "$db" \
    --static-dir "$DIST" "$@" >>"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  # Poll until it answers (readiness, not a fixed wait), for at most 60 s.
  local tries=0
  until curl -fsS --max-time 1 "$BASE/api/health" >/dev/null 2>&1; do
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -20 "$WORK/server.log" >&2; echo "bench: the server exited" >&2; exit 1; }
    tries=$((tries + 1))
    [ "$tries" -lt 600 ] || { echo "bench: the server did not answer within 60 s" >&2; exit 1; }
    sleep 0.1
  done
}

stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

# ---------------------------------------------------------------------------------------
bench_bytes() {
  say "Bytes: brotli size of everything a first visit downloads"
  node "$HERE/bytes.mjs" "$DIST" "$BYTES_BUDGET_KB" >>"$RESULTS"
}

# ---------------------------------------------------------------------------------------
# oha_run NAME URL [oha flags]: one oha run with the Cookie of the first session; prints
# "rps p50_ms p99_ms non_2xx" (from oha's JSON summary).
oha_run() {
  local name="$1" url="$2"
  shift 2
  # Requests still in flight at the deadline are waited for, not counted as errors.
  oha --no-tui --output-format json -z "$DURATION" --wait-ongoing-requests-after-deadline \
    -H "Cookie: $COOKIE" "$@" "$url" >"$WORK/$name.json"
  node "$HERE/oha-summary.mjs" "$WORK/$name.json"
}

# seed_to TOTAL: seed the API database up to TOTAL cases. Sets SEEDED.
seed_to() {
  local want="$1" chunk
  while [ "$SEEDED" -lt "$want" ]; do
    chunk=$((want - SEEDED))
    [ "$chunk" -le 100000 ] || chunk=100000
    "$SERVER" seed --database-url "sqlite://$API_DB" --cases "$chunk" >/dev/null
    SEEDED=$((SEEDED + chunk))
    if [ "$(($(date +%s) - SEED_STARTED))" -ge "$SEED_LIMIT_SECS" ]; then
      echo "bench: stopped seeding at $SEEDED cases after ${SEED_LIMIT_SECS}s" >&2
      return
    fi
  done
}

bench_api() {
  API_DB="$WORK/api.db"
  SEEDED=0
  local case_url p99_small rps_health rps_case p50 p99 rps bad
  say "API: seeding 1,000 cases and one victim session"
  "$SERVER" seed --database-url "sqlite://$API_DB" --cases 1000 --sessions 1 \
    --sessions-out "$WORK/api-sessions.tsv" >/dev/null
  SEEDED=1000
  IFS=$'\t' read -r REFERENCE COOKIE <"$WORK/api-sessions.tsv"
  # The reference in the path is percent-encoded (CR/100001/25 -> CR%2F100001%2F25).
  case_url="/api/cases/$(node -e 'console.log(encodeURIComponent(process.argv[1]))' "$REFERENCE")"

  say "API: case read p99 at $FIXED_RATE requests/s with 1,000 cases"
  start_server "sqlite://$API_DB"
  OUT="$(oha_run growth-1k "$BASE$case_url" -c "$CONCURRENCY" -q "$FIXED_RATE" --latency-correction)"
  read -r rps p50 p99_small bad <<<"$OUT"
  stop_server
  row "API case read p99 at $(thousands "$FIXED_RATE")/s, 1,000 cases" "$p99_small ms" "-" "$([ "$bad" = 0 ] && echo - || echo "fail ($bad not 2xx)")"

  say "API: seeding to 100,000 cases"
  SEED_STARTED=$(date +%s)
  seed_to 100000
  start_server "sqlite://$API_DB"
  say "API: health, most requests/s at $CONCURRENCY connections for $DURATION"
  OUT="$(oha_run health "$BASE/api/health" -c "$CONCURRENCY")"
  read -r rps_health p50 p99 bad <<<"$OUT"
  row "API GET /api/health: requests/s (c=$CONCURRENCY)" "$(thousands "$rps_health")" "-" "-"
  row "API GET /api/health: p50 / p99" "$p50 / $p99 ms" "-" "$([ "$bad" = 0 ] && echo - || echo "fail ($bad not 2xx)")"
  say "API: case read, most requests/s at $CONCURRENCY connections for $DURATION"
  OUT="$(oha_run case-max "$BASE$case_url" -c "$CONCURRENCY")"
  read -r rps_case p50 p99 bad <<<"$OUT"
  row "API GET /api/cases/{ref}: requests/s (c=$CONCURRENCY, 100,000 cases)" "$(thousands "$rps_case")" "-" "-"
  row "API GET /api/cases/{ref}: p50 / p99" "$p50 / $p99 ms" "-" "$([ "$bad" = 0 ] && echo - || echo "fail ($bad not 2xx)")"
  local ratio
  ratio="$(awk -v a="$rps_case" -v b="$rps_health" 'BEGIN { printf "%.0f", 100 * a / b }')"
  row "API case read / health requests/s" "$ratio %" ">= $READ_RATIO_BUDGET_PCT %" "$(verdict "$ratio" "$READ_RATIO_BUDGET_PCT" ge)"
  say "API: case read p99 at $FIXED_RATE requests/s with 100,000 cases"
  OUT="$(oha_run fixed-100k "$BASE$case_url" -c "$CONCURRENCY" -q "$FIXED_RATE" --latency-correction)"
  read -r rps p50 p99 bad <<<"$OUT"
  stop_server
  row "API case read p99 at $(thousands "$FIXED_RATE")/s, 100,000 cases" "$p99 ms" "<= $READ_P99_BUDGET_MS ms" \
    "$([ "$bad" = 0 ] && verdict "$p99" "$READ_P99_BUDGET_MS" || echo "fail ($bad not 2xx)")"

  say "API: seeding towards 1,000,000 cases (stops after ${SEED_LIMIT_SECS}s)"
  SEED_STARTED=$(date +%s)
  seed_to 1000000
  local seed_secs=$(($(date +%s) - SEED_STARTED))
  start_server "sqlite://$API_DB"
  say "API: case read p99 at $FIXED_RATE requests/s with $SEEDED cases"
  OUT="$(oha_run growth-big "$BASE$case_url" -c "$CONCURRENCY" -q "$FIXED_RATE" --latency-correction)"
  read -r rps p50 p99 bad <<<"$OUT"
  stop_server
  local growth
  growth="$(awk -v a="$p99" -v b="$p99_small" 'BEGIN { printf "%.2f", a / b }')"
  row "API case read p99 at $(thousands "$FIXED_RATE")/s, $(thousands "$SEEDED") cases (seeded in ${seed_secs}s)" "$p99 ms" "-" "-"
  row "API case read p99 growth, $(thousands "$SEEDED") / 1,000 cases" "${growth}x" "<= ${GROWTH_BUDGET_X}x" \
    "$([ "$bad" = 0 ] && verdict "$growth" "$GROWTH_BUDGET_X" || echo "fail ($bad not 2xx)")"
  rm -f "$API_DB" "$API_DB-wal" "$API_DB-shm" # about 3 GB at 1,000,000 cases
}

# ---------------------------------------------------------------------------------------
# The staff lists at 1,000 and 1,000,000 cases: p99 of each list URL, for an officer and a
# supervisor of the first seeded team (about 1,000 cases, the same at every size), must
# stay within GROWTH_BUDGET_X of the same at 1,000 cases. Add a list to STAFF_LISTS.
STAFF_LISTS=("case list|/api/staff/cases" "due list|/api/staff/due")

# staff_lists_p99 SIZE: one fixed-rate oha run per list and account; sets LIST_P99["list|role|SIZE"].
declare -A LIST_P99
staff_lists_p99() {
  local size="$1" entry name url role cookie rps p50 p99 bad
  for entry in "${STAFF_LISTS[@]}"; do
    name="${entry%%|*}"
    url="${entry#*|}"
    while IFS=$'\t' read -r role cookie; do
      say "Staff lists: $name p99 at $LIST_RATE requests/s for the $role ($size data set)"
      OUT="$(COOKIE="$cookie" oha_run "list-$role-$size" "$BASE$url" -c "$CONCURRENCY" -q "$LIST_RATE" --latency-correction)"
      read -r rps p50 p99 bad <<<"$OUT"
      [ "$bad" = 0 ] || { row "Staff $name ($role), $size cases" "$p99 ms" "-" "fail ($bad not 2xx)"; continue; }
      LIST_P99["$name|$role|$size"]="$p99"
    done <"$WORK/staff-sessions.tsv"
  done
}

bench_caselist() {
  API_DB="$WORK/lists.db"
  SEEDED=0
  say "Staff lists: seeding 1,000 cases, an officer and a supervisor"
  "$SERVER" seed --database-url "sqlite://$API_DB" --cases 1000 \
    --staff-sessions-out "$WORK/staff-sessions.tsv" >/dev/null
  SEEDED=1000
  start_server "sqlite://$API_DB"
  staff_lists_p99 small
  stop_server
  say "Staff lists: seeding towards 1,000,000 cases (stops after ${SEED_LIMIT_SECS}s)"
  SEED_STARTED=$(date +%s)
  seed_to 1000000
  # Fresh sessions: the first ones may have gone idle for longer than 15 minutes.
  "$SERVER" seed --database-url "sqlite://$API_DB" --cases 0 \
    --staff-sessions-out "$WORK/staff-sessions.tsv" >/dev/null
  start_server "sqlite://$API_DB"
  staff_lists_p99 big
  stop_server
  local entry name role small big growth
  for entry in "${STAFF_LISTS[@]}"; do
    name="${entry%%|*}"
    for role in officer supervisor; do
      small="${LIST_P99["$name|$role|small"]:-}"
      big="${LIST_P99["$name|$role|big"]:-}"
      [ -n "$small" ] && [ -n "$big" ] || continue
      growth="$(awk -v a="$big" -v b="$small" 'BEGIN { printf "%.2f", a / b }')"
      row "Staff $name p99 ($role), 1,000 / $(thousands "$SEEDED") cases at $LIST_RATE/s" "$small / $big ms" "-" "-"
      row "Staff $name p99 growth ($role), $(thousands "$SEEDED") / 1,000 cases" "${growth}x" "<= ${GROWTH_BUDGET_X}x" "$(verdict "$growth" "$GROWTH_BUDGET_X")"
    done
  done
  rm -f "$API_DB" "$API_DB-wal" "$API_DB-shm" "$WORK/staff-sessions.tsv"
}

# ---------------------------------------------------------------------------------------
bench_pages() {
  say "Page speed: Lighthouse (mobile), median of 5 runs a page, signed out and signed in"
  start_server "sqlite://$WORK/pages.db" --demo
  CHROME_PATH="$CHROME_PATH" node "$HERE/pages.mjs" "$BASE" "$NODE_DIR" \
    "$PERF_BUDGET" "$LCP_BUDGET_S" "$CLS_BUDGET" "$TBT_BUDGET_MS" >>"$RESULTS"
  stop_server
}

# ---------------------------------------------------------------------------------------
# write_load DATABASE_URL LABEL: seeds 10,000 cases and a session per writer, then
# $WRITERS writers create and cancel callback requests for $WRITE_SECS s. Rows are named
# "LABEL: ..."; the budgets apply to SQLite only (PostgreSQL is recorded, no budget yet).
write_load() {
  local db="$1" label="$2" budgeted="${3:-}"
  say "$label: seeding 10,000 cases and $WRITERS victim sessions for $WRITERS callback writers"
  "$SERVER" seed --database-url "$db" --cases 10000 --sessions "$WRITERS" \
    --sessions-out "$WORK/writes-sessions.tsv" >/dev/null
  : >"$WORK/server.log"
  start_server "$db"
  say "$label: $WRITERS writers, each creating and cancelling callback requests for ${WRITE_SECS}s"
  "$LOADGEN" --base "$BASE" --sessions "$WORK/writes-sessions.tsv" --writers "$WRITERS" \
    --seconds "$WRITE_SECS" --tsv >"$WORK/writes.tsv"
  stop_server
  local per_s p50 p99 errors statuses locked
  read -r per_s p50 p99 errors statuses <"$WORK/writes.tsv"
  if [ -n "$budgeted" ]; then
    row "$label: callback writes/s, $WRITERS writers (each a create or a cancel)" "$per_s" ">= $WRITES_BUDGET_PER_S" "$(verdict "$per_s" "$WRITES_BUDGET_PER_S" ge)"
  else
    row "$label: callback writes/s, $WRITERS writers (each a create or a cancel)" "$per_s" "-" "-"
  fi
  row "$label: p50 / p99" "$p50 / $p99 ms" "-" "-"
  row "$label: answers by status" "${statuses//,/, }" "-" "-"
  row "$label: 5xx (503 = busy) and unanswered" "$errors" "0" "$(verdict "$errors" 0)"
  if [ -n "$budgeted" ]; then
    locked="$(grep -c 'database is locked' "$WORK/server.log" || true)"
    row "$label: \"database is locked\" in the server log" "$locked" "0" "$(verdict "$locked" 0)"
  fi
}

bench_writes() {
  : "${LOADGEN:?set LOADGEN to the tools/loadgen binary}"
  write_load "sqlite://$WORK/writes.db" "Writes" budgeted
}

# ---------------------------------------------------------------------------------------
# PostgreSQL (several API servers on one database): the same read and write loads on a
# throwaway cluster with PostgreSQL's durable defaults, recorded beside the SQLite rows.
bench_postgres() {
  : "${LOADGEN:?set LOADGEN to the tools/loadgen binary}"
  say "PostgreSQL: starting a throwaway cluster"
  start_throwaway_postgres durable || { echo "bench: could not start PostgreSQL" >&2; exit 1; }
  local db case_url rps_health rps_case p50 p99 bad
  db="$(create_database bench_read)"
  say "PostgreSQL: seeding 100,000 cases and one victim session"
  "$SERVER" seed --database-url "$db" --cases 100000 --sessions 1 \
    --sessions-out "$WORK/pg-sessions.tsv" >/dev/null
  IFS=$'\t' read -r REFERENCE COOKIE <"$WORK/pg-sessions.tsv"
  case_url="/api/cases/$(node -e 'console.log(encodeURIComponent(process.argv[1]))' "$REFERENCE")"
  start_server "$db"
  OUT="$(oha_run pg-health "$BASE/api/health" -c "$CONCURRENCY")"
  read -r rps_health p50 p99 bad <<<"$OUT"
  row "PostgreSQL: GET /api/health requests/s (c=$CONCURRENCY)" "$(thousands "$rps_health")" "-" "$([ "$bad" = 0 ] && echo - || echo "fail ($bad not 2xx)")"
  OUT="$(oha_run pg-case "$BASE$case_url" -c "$CONCURRENCY")"
  read -r rps_case p50 p99 bad <<<"$OUT"
  stop_server
  row "PostgreSQL: GET /api/cases/{ref} requests/s (c=$CONCURRENCY, 100,000 cases)" "$(thousands "$rps_case")" "-" "$([ "$bad" = 0 ] && echo - || echo "fail ($bad not 2xx)")"
  row "PostgreSQL: case read p50 / p99" "$p50 / $p99 ms" "-" "-"
  row "PostgreSQL: case read / health requests/s" "$(awk -v a="$rps_case" -v b="$rps_health" 'BEGIN { printf "%.0f", 100 * a / b }') %" "-" "-"
  write_load "$(create_database bench_writes)" "PostgreSQL writes"
  stop_throwaway_postgres
}

# ---------------------------------------------------------------------------------------
# Delivery: $DELIVERY_MESSAGES sign-in code messages queued by `server seed --queue-codes`
# (codes go at once whatever the victims' safe times, so all are due), then the server
# started with one provider: the local Notify-shaped endpoint, then the local SMTP relay. Rate = messages sent / seconds from the server's start until no
# row is left queued, sending or waiting to retry (the outbox polled every 0.2 s).

# unsent SQLITE_FILE: rows still to go. python3's sqlite3 module, as the sqlite3 program
# may not be installed.
unsent() {
  python3 -c 'import sqlite3, sys
db = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True, timeout=10)
print(db.execute("SELECT COUNT(*) FROM outbox WHERE status IN (\x27queued\x27, \x27sending\x27, \x27temporary_failure\x27)").fetchone()[0])' "$1"
}

# sent_count SQLITE_FILE
sent_count() {
  python3 -c 'import sqlite3, sys
db = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True, timeout=10)
print(db.execute("SELECT COUNT(*) FROM outbox WHERE status IN (\x27sent\x27, \x27delivered\x27)").fetchone()[0])' "$1"
}

# deliver LABEL CASES SEED_FLAGS SERVER_FLAGS...: seeds a fresh database with CASES cases
# and the messages (SEED_FLAGS: which victims'), starts the server with SERVER_FLAGS, and
# records the rate.
deliver() {
  local label="$1" cases="$2" seed_flags="$3" file="$WORK/delivery.db" started secs sent left
  shift 3
  rm -f "$file" "$file-wal" "$file-shm"
  say "$label: seeding $(thousands "$DELIVERY_MESSAGES") queued sign-in code messages"
  # shellcheck disable=SC2086 # seed_flags is a list of flags.
  "$SERVER" seed --database-url "sqlite://$file" --cases "$cases" \
    --queue-codes "$DELIVERY_MESSAGES" $seed_flags >/dev/null
  say "$label: sending them"
  started="$(date +%s.%N)"
  start_server "sqlite://$file" "$@"
  until [ "$(unsent "$file")" = 0 ]; do
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -20 "$WORK/server.log" >&2; echo "bench: the server exited" >&2; exit 1; }
    if awk -v s="$started" -v now="$(date +%s.%N)" -v l="$DELIVERY_LIMIT_SECS" 'BEGIN { exit !(now - s > l) }'; then
      echo "bench: $label: messages still unsent after ${DELIVERY_LIMIT_SECS}s" >&2
      break
    fi
    sleep 0.2
  done
  secs="$(awk -v s="$started" -v now="$(date +%s.%N)" 'BEGIN { printf "%.1f", now - s }')"
  stop_server
  sent="$(sent_count "$file")"
  left="$(unsent "$file")"
  row "$label: messages sent/s, $(thousands "$DELIVERY_MESSAGES") queued" \
    "$(thousands "$(awk -v n="$sent" -v s="$secs" 'BEGIN { printf "%.0f", n / s }')") ($(thousands "$sent") in $secs s)" "-" \
    "$([ "$sent" = "$DELIVERY_MESSAGES" ] && echo - || echo "fail ($((DELIVERY_MESSAGES - sent)) not sent, $left unsent)")"
  rm -f "$file" "$file-wal" "$file-shm"
}

bench_delivery() {
  : "${NOTIFY_DOUBLE:?set NOTIFY_DOUBLE to the tools/notify-double binary}"
  local port
  say "Delivery: starting the local Notify-shaped endpoint (tools/notify-double)"
  port="$(free_port)"
  "$NOTIFY_DOUBLE" --addr "127.0.0.1:$port" >>"$WORK/notify-double.log" 2>&1 &
  DOUBLE_PID=$!
  until curl -fsS --max-time 1 -o /dev/null "http://127.0.0.1:$port/_test/receipts" 2>/dev/null; do
    kill -0 "$DOUBLE_PID" 2>/dev/null || { cat "$WORK/notify-double.log" >&2; exit 1; }
    sleep 0.1
  done
  # The double's own made-up key (notify_double::TEST_API_KEY) and default template ids.
  printf '%s\n' safe_updates_local-5a1c0000-0000-4000-8000-000000000001-5a1c0000-0000-4000-8000-000000000002 \
    >"$WORK/notify-key"
  chmod 600 "$WORK/notify-key"
  # About 85 % of seeded victims sign in by text or email.
  deliver "Delivery through Notify (local double, texts and emails)" $((DELIVERY_MESSAGES * 3 / 2)) "" \
    --notify-base-url "http://127.0.0.1:$port" --notify-api-key-file "$WORK/notify-key" \
    --notify-sms-template 5a1c0000-0000-4000-8000-00000000000a \
    --notify-email-template 5a1c0000-0000-4000-8000-00000000000b
  kill "$DOUBLE_PID" 2>/dev/null || true
  wait "$DOUBLE_PID" 2>/dev/null || true
  DOUBLE_PID=""

  say "Delivery: starting the test mail relay (aiosmtpd, STARTTLS and AUTH, tools/smtp/test-relay.sh)"
  start_test_relay || { echo "bench: could not start the test mail relay" >&2; exit 1; }
  # Emails only (SMTP carries nothing else); about 30 % of seeded victims sign in by email.
  # As a force would connect: STARTTLS, signed in, trusting the relay's (test) CA.
  deliver "Delivery through SMTP (local aiosmtpd relay, emails)" $((DELIVERY_MESSAGES * 4)) "--queue-codes-by email" \
    --smtp-host 127.0.0.1 --smtp-port "${SAFE_UPDATES_TEST_SMTP##*:}" --smtp-tls starttls \
    --smtp-username "$SAFE_UPDATES_TEST_SMTP_USERNAME" \
    --smtp-password-file "$SAFE_UPDATES_TEST_SMTP_PASSWORD_FILE" \
    --smtp-ca-file "$SAFE_UPDATES_TEST_SMTP_CA_FILE" --smtp-from updates@safe-updates.test
  stop_test_relay
}

# ---------------------------------------------------------------------------------------
parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(bytes api caselist pages writes postgres delivery)
for part in "${parts[@]}"; do
  case "$part" in
    bytes | api | caselist | pages | writes | postgres | delivery) "bench_$part" ;;
    *) echo "bench: unknown part $part (bytes, api, caselist, pages, writes, postgres, delivery)" >&2; exit 2 ;;
  esac
done

# The table: Markdown, so it can be pasted into README.md as it is.
{
  echo
  echo "Safe Updates bench, $(date -u +%Y-%m-%d), $(nproc) cores, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
  echo
  echo "| metric | measured | budget | result |"
  echo "|---|---|---|---|"
  awk -F'\t' '{ printf "| %s | %s | %s | %s |\n", $1, $2, $3, $4 }' "$RESULTS"
}
if grep -q $'\tfail' "$RESULTS"; then
  printf '\n\033[1;31mOver budget: %s\033[0m\n' "$(grep -c $'\tfail' "$RESULTS") metric(s)" >&2
  exit 1
fi
printf '\n\033[1;32mEvery budget met.\033[0m\n' >&2
