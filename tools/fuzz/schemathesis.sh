#!/usr/bin/env bash
# Fuzzes the live API with schemathesis (PyPI) against its own /api/openapi.json: the debug
# server in demo mode on a fresh SQLite database and a free port: anonymous, signed in as a
# demo victim (their real crime reference in every case path), and the staff operations
# signed in as the demo supervisor. Fails on any
# server error, any response that does not match the document (body schema, status code,
# content type), or fewer than MIN_REQUESTS requests in all.
#
#   tools/fuzz/schemathesis.sh        (./x test runs it after the browser tests)
#
# Environment: SERVER (default target/debug/server), EXAMPLES (per operation and phase,
# default 30), MIN_REQUESTS (default 2000), REPORT_DIR (keep each run's NDJSON report
# there; `count_requests.py REPORT --by-status` summarises one). schemathesis is installed once into
# .tools/schemathesis-VERSION (a virtualenv; .tools/ is not committed).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SCHEMATHESIS_VERSION="4.32.5"
VENV="$ROOT/.tools/schemathesis-$SCHEMATHESIS_VERSION"
SERVER="${SERVER:-$ROOT/target/debug/server}"
EXAMPLES="${EXAMPLES:-30}"
MIN_REQUESTS="${MIN_REQUESTS:-2000}"
# The demo victim signed in for the second run: CR/100001/25 gets its code by text.
CRIME_REFERENCE="CR/100001/25"
VICTIM_PHONE="+447700900001"

fail() { printf '\033[1;31mFAILED: %s\033[0m\n' "$*" >&2; exit 1; }

ensure_schemathesis() {
  if [ "$("$VENV/bin/st" --version 2>/dev/null)" = "st, version $SCHEMATHESIS_VERSION" ]; then return; fi
  echo "Installing schemathesis $SCHEMATHESIS_VERSION into $VENV (first run only, about a minute)"
  rm -rf "$VENV"
  python3 -m venv "$VENV" ||
    fail "python3 -m venv (on Debian: apt-get install -y python3-venv)"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION" ||
    fail "pip install schemathesis==$SCHEMATHESIS_VERSION (is PyPI reachable?)"
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

[ -x "$SERVER" ] || fail "no server binary at $SERVER (build it: cargo build -p server)"
ensure_schemathesis

WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

PORT="$(free_port)"
BASE="http://127.0.0.1:$PORT"
ORIGIN="Origin: $BASE"
"$SERVER" --addr "127.0.0.1:$PORT" --database-url "sqlite://$WORK/portal.db" \
  --static-dir "$WORK/no-app" --demo >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do
  curl -fsS "$BASE/api/health" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; fail "the server stopped while starting"; }
  sleep 0.1
done
curl -fsS "$BASE/api/health" >/dev/null || fail "the server did not answer $BASE/api/health"

# Sign the demo victim in as the app does: ask for a code, read it from the demo outbox,
# swap it for the session cookie.
json() { python3 -c "import json, sys; print(json.dumps(dict(zip(sys.argv[1::2], sys.argv[2::2]))))" "$@"; }
curl -fsS -H "$ORIGIN" -H 'Content-Type: application/json' \
  -d "$(json crime_reference "$CRIME_REFERENCE")" "$BASE/api/sign-in/start" >/dev/null ||
  fail "POST /api/sign-in/start"
CODE="$(curl -fsS -G --data-urlencode "recipient=$VICTIM_PHONE" "$BASE/api/dev/outbox" |
  python3 -c 'import json, re, sys; print(re.search(r"\b(\d{6})\b", json.load(sys.stdin)["messages"][0]["body"]).group(1))')" ||
  fail "reading the sign-in code from GET /api/dev/outbox"
COOKIE="$(curl -fsS -D - -o /dev/null -H "$ORIGIN" -H 'Content-Type: application/json' \
  -d "$(json crime_reference "$CRIME_REFERENCE" code "$CODE")" "$BASE/api/sign-in/verify" |
  sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' | head -1)"
[ -n "$COOKIE" ] || fail "POST /api/sign-in/verify set no session cookie"

# And a supervisor, as the staff app signs in: email, password and the authenticator
# code the demo outbox page shows for this moment.
STAFF_EMAIL="supervisor@example.org"
STAFF_CODE="$(curl -fsS "$BASE/demo/outbox" |
  python3 -c 'import re, sys; print(re.search(sys.argv[1] + r"</td><td><span class=\"app-code\">(\d{6})<", sys.stdin.read()).group(1))' "$STAFF_EMAIL")" ||
  fail "reading the supervisor's code from /demo/outbox"
STAFF_COOKIE="$(curl -fsS -D - -o /dev/null -H "$ORIGIN" -H 'Content-Type: application/json' \
  -d "$(json email "$STAFF_EMAIL" password "demo staff password" code "$STAFF_CODE")" "$BASE/api/staff/sign-in" |
  sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' | head -1)"
[ -n "$STAFF_COOKIE" ] || fail "POST /api/staff/sign-in set no session cookie"

# One run. `$1` names it; the rest are extra schemathesis arguments.
TOTAL=0
run() {
  local name="$1"; shift
  local report="$WORK/$name.ndjson"
  echo
  echo "==> schemathesis, $name"
  local status=0
  # From the work folder, so schemathesis's cache lands there and not in the repository.
  cd "$WORK"
  # Percent-encoded here: schemathesis puts a configured path value in as it is.
  FUZZ_CRIME_REFERENCE="${CRIME_REFERENCE//\//%2F}" "$VENV/bin/python" "$ROOT/tools/fuzz/st.py" --config-file "$ROOT/tools/fuzz/schemathesis.toml" \
    run "$BASE/api/openapi.json" \
    --checks not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance \
    --max-examples "$EXAMPLES" --workers 2 --no-color \
    --header "$ORIGIN" \
    --report ndjson --report-ndjson-path "$report" \
    "$@" || status=$?
  local requests
  if [ -n "${REPORT_DIR:-}" ]; then mkdir -p "$REPORT_DIR" && cp "$report" "$REPORT_DIR/"; fi
  requests="$(python3 "$ROOT/tools/fuzz/count_requests.py" "$report")"
  cd "$ROOT"
  echo "$name: $requests requests"
  TOTAL=$((TOTAL + requests))
  [ "$status" -eq 0 ] || fail "schemathesis ($name) found the problems listed above"
}

START=$SECONDS
run anonymous
# Signed in as the victim: everything but signing out (it would end the session mid-run)
# and the staff operations (next).
run "signed in" --header "Cookie: $COOKIE" --exclude-operation-id sign_out --exclude-tag staff
# Staff operations as the supervisor; signing in and out are left to the anonymous run.
run "signed in as staff" --header "Cookie: $STAFF_COOKIE" --include-tag staff \
  --exclude-operation-id staff_sign_in --exclude-operation-id staff_sign_out
echo
echo "schemathesis: $TOTAL requests in all, in $((SECONDS - START)) s; no server errors, every response as documented"
[ "$TOTAL" -ge "$MIN_REQUESTS" ] || fail "only $TOTAL requests (at least $MIN_REQUESTS wanted): raise EXAMPLES"
