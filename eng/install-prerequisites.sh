#!/usr/bin/env bash
# Installs what WeatherFlick needs besides the .NET SDK, on Debian/Ubuntu, only when it is missing: PostgreSQL and
# Redis, which the AppHost (run mode) and the tests start as plain child processes, never as system services.
set -euo pipefail

missing=()
pg_found=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | head -1 || true)
[ -n "$pg_found" ] || command -v initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
# setpriv runs PostgreSQL as the postgres user when we are root (util-linux, present on every Debian system).
command -v setpriv >/dev/null 2>&1 || missing+=(util-linux)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing prerequisites: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
  echo "Need root or sudo to run: apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "Installed: ${missing[*]}"
