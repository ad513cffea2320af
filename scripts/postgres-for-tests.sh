#!/usr/bin/env bash
# A local PostgreSQL ready for the test suites: installed (Debian's package), started, and a role
# that may create the throwaway databases the suites use. Prints the role's URL on its last line.
# Run by .ci/run and by jest's global setup when POSTGRES_URL is not set.
set -euo pipefail
ROLE=commons_test
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -n -u postgres "$@"; fi; }

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing PostgreSQL (Debian's postgresql package)" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
  else
    echo "PostgreSQL is not installed and cannot be installed here (apt-get install postgresql, as root)" >&2
    exit 1
  fi
fi

read -r version cluster port status _ < <(pg_lsclusters -h | head -n 1) || true
if [ -z "${version:-}" ]; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
  pg_createcluster "$version" main >&2
  read -r version cluster port status _ < <(pg_lsclusters -h | head -n 1)
fi
if [ "$status" != "online" ]; then
  pg_ctlcluster "$version" "$cluster" start >&2
fi

if ! as_postgres psql -p "$port" -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'" | grep -q 1; then
  as_postgres psql -p "$port" -q -c "CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$ROLE'" >&2
fi
echo "postgres://$ROLE:$ROLE@127.0.0.1:$port/postgres"
