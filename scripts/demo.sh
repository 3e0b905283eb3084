#!/usr/bin/env bash
# npm run demo: install what is missing, make sure PostgreSQL and Redis answer, migrate, load the
# Longwan demo data (idempotent), and run all five apps with readable, prefixed logs.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> installing dependencies (npm ci)"
  npm ci --no-audit --no-fund
fi

node scripts/check-node.cjs
run() { node -r @swc-node/register "$@"; }

echo "==> checking PostgreSQL and Redis"
help() {
  cat >&2 <<'MSG'

Start PostgreSQL 15+ (with PostGIS, btree_gist and pg_trgm) and Redis 7, then run `npm run demo` again.
With Docker:   docker compose up -d postgres redis
On Debian:     apt-get install -y postgresql postgresql-15-postgis-3 redis-server
               (then `npm run demo` starts them itself)
Settings (host, port, user, database) are in .env.example; copy it to .env to change them.
MSG
}
if ! run scripts/prepare-services.ts >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  echo "==> starting PostgreSQL (PostGIS) and Redis with docker compose"
  docker compose up -d postgres redis
  for _ in $(seq 1 60); do
    if run scripts/prepare-services.ts >/dev/null 2>&1; then break; fi
    sleep 1
  done
elif command -v pg_isready >/dev/null; then
  # Local servers: start them when down and make sure PostGIS is installed (as CI does).
  bash scripts/ensure-services.sh || { help; exit 1; }
fi
run scripts/prepare-services.ts || { help; exit 1; }

echo "==> building the pages (npm run build:client)"
npm run --silent build:client
echo "==> migrating"
npm run --silent migration:run
echo "==> loading demo data"
npm run --silent seed

cat <<'MSG'

==> starting the market (Ctrl-C stops it)

  Kiosk board         http://localhost:3000/kiosk   (a street office: /kiosk?street=永中街道)
  Seeker's phone pages http://localhost:3000/m
  Staff console        http://localhost:3000/staff  (13900000000 / lingong-admin-2026)
  Employer's pages     http://localhost:3000/employer  (sign in by SMS code, read at /api/dev/sms)
  Front door and API   http://localhost:3000/api/shifts
  API docs             http://localhost:3000/docs  (each service also at :3001-:3004/docs)
  Health               http://localhost:3000/health/ready
  Queue board (staff)  http://localhost:3004/queues/login  (paste a staff accessToken; kept in a cookie)

  Sign in as a seeker or employer: POST /api/auth/otp {"phone":"13800138000"},
    read the code at http://localhost:3000/api/dev/sms?phone=13800138000,
    then POST /api/auth/login {"phone":"13800138000","code":"……","role":"worker"}.
  Staff: POST /api/auth/staff-login with BOOTSTRAP_ADMIN_PHONE / BOOTSTRAP_ADMIN_PASSWORD
    from .env.example (13900000000 / lingong-admin-2026).

MSG
export LOG_PRETTY="${LOG_PRETTY:-true}"
# The demo reads sign-in codes from the development inbox, answered on this machine only.
export DEV_SMS_INBOX="${DEV_SMS_INBOX:-true}"
exec npx concurrently --kill-others --prefix "[{name}]" \
  --names web,job-posting,worker-profile,matching,worker \
  --prefix-colors cyan,green,yellow,magenta,blue \
  "npm:start:web" "npm:start:job-posting" "npm:start:worker-profile" "npm:start:matching" "npm:start:worker"
