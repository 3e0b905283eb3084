#!/usr/bin/env bash
# What a fresh Debian machine needs before Lingong can migrate, in one place for `npm run demo`
# and CI: PostgreSQL and Redis answering on 127.0.0.1 (started here when they are installed but
# down), and the PostGIS extension available to PostgreSQL (installed from Debian's package when
# run as root; otherwise the exact command is printed). Exits non-zero, saying why, when it cannot.
set -euo pipefail

pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }
redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }
pg_version() { ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1; }

if ! pg_up && command -v pg_ctlcluster >/dev/null && [ -n "$(pg_version)" ]; then
  echo "==> starting PostgreSQL $(pg_version)"
  pg_ctlcluster --skip-systemctl-redirect "$(pg_version)" main start || true
  for _ in $(seq 1 30); do pg_up && break; sleep 1; done
fi
if ! redis_up && command -v redis-server >/dev/null; then
  echo "==> starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
  for _ in $(seq 1 30); do redis_up && break; sleep 1; done
fi
pg_up || { echo "PostgreSQL does not answer on 127.0.0.1:5432" >&2; exit 1; }
redis_up || { echo "Redis does not answer on 127.0.0.1:6379" >&2; exit 1; }

# PostGIS is not part of Debian's PostgreSQL server package (the compose file's image has it).
postgis_available() {
  psql -h 127.0.0.1 -U "${DATABASE_USER:-postgres}" -d postgres -Atqc \
    "SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'" 2>/dev/null | grep -q 1
}
if ! postgis_available; then
  package="postgresql-$(pg_version)-postgis-3"
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "==> installing PostGIS ($package)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
  else
    echo "PostgreSQL has no PostGIS extension. Install it, then run this again:" >&2
    echo "  sudo apt-get install -y $package" >&2
    exit 1
  fi
fi
echo "PostgreSQL (with PostGIS) and Redis are ready"
