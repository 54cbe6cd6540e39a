#!/usr/bin/env bash
# Installs Debian's redis-server when it is missing: the server tests start their own instance on a
# loopback port (no service is enabled or left running). Safe to run again: it installs nothing
# when redis-server is there.
set -euo pipefail
if command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ]; then
  exit 0
fi
echo "ensure-redis: installing redis-server"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends redis-server >/dev/null
