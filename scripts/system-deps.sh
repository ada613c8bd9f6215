#!/usr/bin/env bash
# Debian packages the project needs beyond Python 3.11. Installs what is missing when run as
# root; otherwise says what to install. Idempotent and quiet when everything is there.
#   libmagic1  file-type sniffing of uploads (python-magic)
#   gettext    compiling the French translations (msgfmt)
#   nodejs/npm front-end packages from the npm registry
#   chromium   the browser tests (Playwright drives /usr/bin/chromium; never a downloaded one)
#   clamav-daemon  the virus-scanning tests start their own clamd (foreground, a socket and a
#              one-signature database in a temporary directory); they use neither the system
#              service nor freshclam's databases
set -euo pipefail

missing=()
ldconfig -p 2>/dev/null | grep -q 'libmagic\.so\.1' || missing+=(libmagic1)
command -v msgfmt >/dev/null || missing+=(gettext)
command -v npm >/dev/null || missing+=(nodejs npm)
command -v psql >/dev/null || missing+=(postgresql-client)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/sbin/clamd ] || missing+=(clamav-daemon)

[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "system-deps: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "${missing[@]}" >/dev/null \
    || { apt-get update -q >/dev/null && apt-get install -y -q "${missing[@]}" >/dev/null; }
else
  echo "system-deps: please install these Debian packages: ${missing[*]}" >&2
  exit 1
fi
