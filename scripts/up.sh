#!/usr/bin/env bash
# Brings Keeper up on this machine: dependencies, PostgreSQL and Redis, migrations, demo data,
# then the API, the worker and the web app in the background. Run it again to restart.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

require_node
ensure_pnpm
install_deps
ensure_services
build_all

API_PORT=${PORT:-3000}
WEB_PORT=${WEB_PORT:-5173}
export WEB_ORIGIN=${WEB_ORIGIN:-http://127.0.0.1:$WEB_PORT}
export MAIL_DIR=${MAIL_DIR:-$STATE/mail}

say "Preparing the database"
node apps/api/dist/cli/db-setup.js
node apps/api/dist/cli/migrate.js
node apps/api/dist/cli/seed.js

say "Starting API, worker and web app"
for p in web worker api; do stop_process "$p"; done
PORT=$API_PORT start_process api node apps/api/dist/main.js
start_process worker node apps/api/dist/worker.js
API_URL=http://127.0.0.1:$API_PORT WEB_PORT=$WEB_PORT start_process web bash -c 'cd apps/web && exec node node_modules/vite/bin/vite.js preview'
wait_for_url "http://127.0.0.1:$API_PORT/ready" api
wait_for_url "http://127.0.0.1:$WEB_PORT/" web

cat <<MSG

  Keeper is running:  http://127.0.0.1:$WEB_PORT

  Demo sign-ins (password: keeper-demo-2026)
    business owner   owner@demo.keeper.test   (Lotus Tea House, Brightside Bicycles, Golden Dragon Printing)
    lender           lender@demo.keeper.test  (Harbour Capital)

  API  http://127.0.0.1:$API_PORT  (OpenAPI: apps/api/openapi.json)
  Mail sent by the app is written as .eml files to $MAIL_DIR
  Logs: $STATE/logs/   Stop everything: bash scripts/down.sh

MSG
