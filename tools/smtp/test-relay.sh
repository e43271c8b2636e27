#!/usr/bin/env bash
# shellcheck shell=bash
# The test mail relay (tools/smtp/test_relay.py, aiosmtpd) on loopback, for `./x test`.
#
# Sourced: call `start_test_relay` (it exports the variables below) and
# `stop_test_relay` from your EXIT trap (it stops the relay and deletes its folder).
# Run directly: starts it, prints the variables as `export` lines, and runs until Ctrl-C.
#
#   SAFE_UPDATES_TEST_SMTP                 127.0.0.1:PORT, STARTTLS required, then AUTH
#   SAFE_UPDATES_TEST_SMTPS                127.0.0.1:PORT, TLS from the first byte, AUTH
#   SAFE_UPDATES_TEST_SMTP_PLAIN           127.0.0.1:PORT, no TLS offered, AUTH
#   SAFE_UPDATES_TEST_SMTP_CA_FILE         the throwaway CA that signed the relay's certificate
#   SAFE_UPDATES_TEST_SMTP_USERNAME        the relay's one account
#   SAFE_UPDATES_TEST_SMTP_PASSWORD_FILE   its password, in a file (as --smtp-password-file)
#   SAFE_UPDATES_TEST_SMTP_MAIL_DIR        where each accepted message lands as <n>.eml
#
# Recipients starting `reject-` get 550, `busy-` 451. The certificate (for 127.0.0.1 and
# localhost) and its CA are made with openssl at each start, in a temporary folder.
# Needs python3 with venv (aiosmtpd is installed once into .tools/aiosmtpd-VERSION, like
# schemathesis) and openssl.

AIOSMTPD_VERSION="1.4.6"
SMTP_RELAY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SMTP_RELAY_VENV="$SMTP_RELAY_ROOT/.tools/aiosmtpd-$AIOSMTPD_VERSION"
SMTP_RELAY_DIR=""
SMTP_RELAY_PID=""

ensure_aiosmtpd() {
  if [ "$("$SMTP_RELAY_VENV/bin/python" -c 'import aiosmtpd; print(aiosmtpd.__version__)' 2>/dev/null)" = "$AIOSMTPD_VERSION" ]; then
    return
  fi
  echo "Installing aiosmtpd $AIOSMTPD_VERSION into $SMTP_RELAY_VENV (first run only, seconds)"
  rm -rf "$SMTP_RELAY_VENV"
  python3 -m venv "$SMTP_RELAY_VENV" &&
    "$SMTP_RELAY_VENV/bin/pip" install --quiet --disable-pip-version-check "aiosmtpd==$AIOSMTPD_VERSION" ||
    { echo "could not install aiosmtpd $AIOSMTPD_VERSION (python3-venv installed? PyPI reachable?)" >&2; return 1; }
}

# A CA and a certificate it signed for 127.0.0.1 and localhost: the tests trust the CA
# through --smtp-ca-file, as a force would its private CA.
make_test_certificates() {
  local dir="$1"
  command -v openssl >/dev/null || { echo "openssl is not installed (apt-get install -y openssl)" >&2; return 1; }
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Safe Updates test relay CA" \
    -keyout "$dir/ca.key" -out "$dir/ca.pem" >/dev/null 2>&1 &&
    openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" \
      -keyout "$dir/relay.key" -out "$dir/relay.csr" >/dev/null 2>&1 &&
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' >"$dir/relay.ext" &&
    openssl x509 -req -in "$dir/relay.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial \
      -days 2 -extfile "$dir/relay.ext" -out "$dir/relay.pem" >/dev/null 2>&1 ||
    { echo "openssl could not make the test relay's certificate" >&2; return 1; }
}

stop_test_relay() {
  if [ -n "$SMTP_RELAY_PID" ]; then
    kill "$SMTP_RELAY_PID" 2>/dev/null || true
    wait "$SMTP_RELAY_PID" 2>/dev/null || true
  fi
  [ -n "$SMTP_RELAY_DIR" ] && rm -rf "$SMTP_RELAY_DIR"
  SMTP_RELAY_PID=""
  SMTP_RELAY_DIR=""
}

start_test_relay() {
  ensure_aiosmtpd || return 1
  SMTP_RELAY_DIR="$(mktemp -d /tmp/safe-updates-smtp.XXXXXX)"
  make_test_certificates "$SMTP_RELAY_DIR" || return 1
  mkdir "$SMTP_RELAY_DIR/mail"
  printf 'relay-test-password-%s\n' "$RANDOM$RANDOM" >"$SMTP_RELAY_DIR/password"
  "$SMTP_RELAY_VENV/bin/python" "$SMTP_RELAY_ROOT/tools/smtp/test_relay.py" \
    --cert "$SMTP_RELAY_DIR/relay.pem" --key "$SMTP_RELAY_DIR/relay.key" \
    --mail-dir "$SMTP_RELAY_DIR/mail" --username safe-updates-test \
    --password-file "$SMTP_RELAY_DIR/password" --ready-file "$SMTP_RELAY_DIR/ports" \
    >"$SMTP_RELAY_DIR/relay.log" 2>&1 &
  SMTP_RELAY_PID=$!
  local _
  for _ in $(seq 1 100); do
    [ -f "$SMTP_RELAY_DIR/ports" ] && break
    kill -0 "$SMTP_RELAY_PID" 2>/dev/null || break
    sleep 0.1
  done
  [ -f "$SMTP_RELAY_DIR/ports" ] || { cat "$SMTP_RELAY_DIR/relay.log" >&2; echo "the test mail relay did not start" >&2; return 1; }
  local starttls tls plain greeting
  read -r starttls tls plain <"$SMTP_RELAY_DIR/ports"
  # It listens; check it also answers like a mail server.
  greeting="$(exec 3<>"/dev/tcp/127.0.0.1/$plain" && timeout 5 head -c 3 <&3; exec 3>&-)" || true
  [ "$greeting" = "220" ] || { cat "$SMTP_RELAY_DIR/relay.log" >&2; echo "the test mail relay does not answer" >&2; return 1; }
  export SAFE_UPDATES_TEST_SMTP="127.0.0.1:$starttls"
  export SAFE_UPDATES_TEST_SMTPS="127.0.0.1:$tls"
  export SAFE_UPDATES_TEST_SMTP_PLAIN="127.0.0.1:$plain"
  export SAFE_UPDATES_TEST_SMTP_CA_FILE="$SMTP_RELAY_DIR/ca.pem"
  export SAFE_UPDATES_TEST_SMTP_USERNAME="safe-updates-test"
  export SAFE_UPDATES_TEST_SMTP_PASSWORD_FILE="$SMTP_RELAY_DIR/password"
  export SAFE_UPDATES_TEST_SMTP_MAIL_DIR="$SMTP_RELAY_DIR/mail"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  trap stop_test_relay EXIT
  start_test_relay
  env | grep '^SAFE_UPDATES_TEST_SMTP' | sed 's/^/export /'
  echo "# the test mail relay runs until Ctrl-C" >&2
  wait "$SMTP_RELAY_PID"
fi
