#!/usr/bin/env bash
# `make serve`: the intranet under gunicorn with production settings, on loopback, as it runs
# in production (DEBUG off, manifest static files, secure cookies, HSTS, SSL redirect).
#
#   scripts/serve.sh            serve on https://127.0.0.1:$SERVE_PORT (default 8001)
#
# SERVE_DIR (default var/serve) holds the certificate; SERVE_COLLECTSTATIC=0 skips
# collectstatic when DJANGO_STATIC_ROOT was collected already (tests/operations/test_serve.py).
#
# TLS is gunicorn's own, with a self-signed certificate for 127.0.0.1/localhost made here
# (var/serve/, openssl) rather than an exception in the production settings: nothing in them
# is weakened to serve on loopback, so `check --deploy` stays clean and what you see is what
# production sends. Your browser warns about the certificate once: it is this machine's own.
# HSTS is not kept for an IP address (RFC 6797), so http://127.0.0.1:8000 (`make run`) is
# unaffected. The secret key is generated for this session only, never written anywhere.
# Run by `make serve` after the set-up and the demo data (`make run`'s).
set -euo pipefail
cd "$(dirname "$0")/.."

HOST=127.0.0.1
PORT="${SERVE_PORT:-8001}"
WORKERS="${SERVE_WORKERS:-2}"
DIR="${SERVE_DIR:-$PWD/var/serve}"
mkdir -p "$DIR"
chmod 700 "$DIR"

command -v openssl >/dev/null || { echo "serve: openssl is missing (Debian package 'openssl')" >&2; exit 1; }
# A certificate for loopback, renewed when it expires within a day.
if ! openssl x509 -checkend 86400 -noout -in "$DIR/cert.pem" >/dev/null 2>&1; then
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=localhost" \
    -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
    -keyout "$DIR/key.pem" -out "$DIR/cert.pem" >/dev/null 2>&1
  chmod 600 "$DIR/key.pem"
fi

export DJANGO_SETTINGS_MODULE=opq_intranet.settings.production
DJANGO_SECRET_KEY="$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(50))')"
export DJANGO_SECRET_KEY
export DJANGO_ALLOWED_HOSTS="$HOST,localhost"
export PORTAL_BASE_URL="https://$HOST:$PORT"

# The assets as production has them: hashed names and their manifest (DJANGO_STATIC_ROOT).
if [ "${SERVE_COLLECTSTATIC:-1}" != 0 ]; then
  .venv/bin/python manage.py collectstatic --noinput -v 0
fi

echo "serve: https://$HOST:$PORT/ (gunicorn, production settings, $WORKERS workers; Ctrl-C stops)" >&2
exec .venv/bin/gunicorn opq_intranet.wsgi \
  --bind "$HOST:$PORT" --workers "$WORKERS" \
  --certfile "$DIR/cert.pem" --keyfile "$DIR/key.pem" \
  --timeout 360 --graceful-timeout 10 \
  --access-logfile - --error-logfile - --no-control-socket
