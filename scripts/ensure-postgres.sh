#!/usr/bin/env bash
# Installs Debian's PostgreSQL server binaries when they are missing: the server tests start their
# own throwaway cluster (initdb in a temporary directory, a loopback port; lib/postgresProcess.ts),
# so no packaged cluster is created and no service is enabled or left running. Safe to run again:
# it installs nothing when initdb is there.
set -euo pipefail
if compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || command -v initdb >/dev/null 2>&1; then
  exit 0
fi
echo "ensure-postgres: installing postgresql"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
# No "main" cluster for the package to create and start: the tests make their own.
$sudo mkdir -p /etc/postgresql-common/createcluster.d
echo 'create_main_cluster = false' | $sudo tee /etc/postgresql-common/createcluster.d/no-main-cluster.conf >/dev/null
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
