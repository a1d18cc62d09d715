#!/usr/bin/env bash
# Runs every check and test tier: lint, typecheck, OpenAPI staleness, unit, integration (real
# PostgreSQL and Redis, real migrations) and end-to-end (the built web app in headless Chromium).
# Ends with one line "N passed, N failed".
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
set +e

RESULTS="$STATE/results"
rm -rf "$RESULTS"; mkdir -p "$RESULTS"
PASSED=0
FAILED=0
FAILURES=()

check() { # check NAME COMMAND...: a check that counts as one test
  local name=$1; shift
  say "$name"
  if "$@"; then PASSED=$((PASSED + 1)); else FAILED=$((FAILED + 1)); FAILURES+=("$name"); fi
}

jest_tier() { # jest_tier NAME JSON_FILE COMMAND...: counts jest's own test results
  local name=$1 json=$2; shift 2
  say "$name"
  "$@" --json --outputFile="$json"
  local code=$?
  if [ -s "$json" ]; then
    local p f
    p=$(node -p "require('$json').numPassedTests")
    f=$(node -p "const r=require('$json'); r.numFailedTests + (r.numRuntimeErrorTestSuites || 0)")
    PASSED=$((PASSED + p)); FAILED=$((FAILED + f))
    if [ "$f" -gt 0 ] || [ "$code" -ne 0 ]; then FAILURES+=("$name"); [ "$f" -eq 0 ] && FAILED=$((FAILED + 1)); fi
    [ "$p" -gt 0 ] || { FAILED=$((FAILED + 1)); FAILURES+=("$name: no tests ran"); }
  else
    FAILED=$((FAILED + 1)); FAILURES+=("$name (did not run)")
  fi
}

openapi_fresh() {
  local committed_doc committed_schema
  committed_doc=$(cat apps/api/openapi.json) && committed_schema=$(cat packages/api-client/src/schema.ts) || return 1
  node apps/api/dist/cli/openapi.js >/dev/null &&
    "${PNPM[@]}" --filter @keeper/api-client run generate >/dev/null 2>&1 || return 1
  if [ "$committed_doc" != "$(cat apps/api/openapi.json)" ] || [ "$committed_schema" != "$(cat packages/api-client/src/schema.ts)" ]; then
    echo "apps/api/openapi.json or packages/api-client/src/schema.ts is stale: run 'pnpm openapi' and commit the result."
    git --no-pager diff --stat -- apps/api/openapi.json packages/api-client/src/schema.ts
    return 1
  fi
}

ensure_chromium() {
  [ -x /usr/bin/chromium ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "Installing Debian's chromium for the end-to-end tests"
    (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || return 1
  else
    echo "End-to-end tests need Chromium at /usr/bin/chromium (Debian/Ubuntu: sudo apt-get install chromium)."
    return 1
  fi
}

# Overridable so that two checkouts on one machine can run their suites side by side.
E2E_API_PORT=${E2E_API_PORT:-3100}
E2E_WEB_PORT=${E2E_WEB_PORT:-5174}
E2E_DB=${E2E_DB:-keeper_e2e}
e2e_env() {
  export DATABASE_URL=postgres://keeper_app@127.0.0.1:5432/$E2E_DB
  export MIGRATION_DATABASE_URL=postgres://keeper_owner@127.0.0.1:5432/$E2E_DB
  export QUEUE_PREFIX=$E2E_DB PORT=$E2E_API_PORT WEB_ORIGIN=http://127.0.0.1:$E2E_WEB_PORT
  export MAIL_DIR=$STATE/e2e-mail LOG_LEVEL=warn
}

e2e_up() {
  ensure_chromium || return 1
  ( e2e_env
    node apps/api/dist/cli/db-setup.js --reset >/dev/null && node apps/api/dist/cli/migrate.js >/dev/null &&
    node apps/api/dist/cli/seed.js --no-history >/dev/null &&
    start_process e2e-api node apps/api/dist/main.js &&
    start_process e2e-worker node apps/api/dist/worker.js &&
    API_URL=http://127.0.0.1:$E2E_API_PORT WEB_PORT=$E2E_WEB_PORT \
      start_process e2e-web bash -c 'cd apps/web && exec node node_modules/vite/bin/vite.js preview' &&
    wait_for_url "http://127.0.0.1:$E2E_API_PORT/ready" e2e-api &&
    wait_for_url "http://127.0.0.1:$E2E_WEB_PORT/" e2e-web )
}

e2e_down() { for p in e2e-web e2e-worker e2e-api; do stop_process "$p"; done; }

require_node
ensure_pnpm
install_deps || { echo "0 passed, 1 failed"; exit 1; }
ensure_services
check "Lint" "${PNPM[@]}" exec eslint --max-warnings 0 .
check "Typecheck" "${PNPM[@]}" -r --workspace-concurrency=1 run typecheck
check "Build" build_all
check "OpenAPI document and client are up to date" openapi_fresh
jest_tier "Unit tests" "$RESULTS/unit.json" "${PNPM[@]}" exec jest
jest_tier "Integration tests" "$RESULTS/integration.json" "${PNPM[@]}" --filter @keeper/api exec jest -c jest.int.config.js --runInBand
if e2e_up; then
  E2E_WEB_URL=http://127.0.0.1:$E2E_WEB_PORT jest_tier "End-to-end tests" "$RESULTS/e2e.json" \
    "${PNPM[@]}" --filter @keeper/web exec jest -c jest.e2e.config.cjs --runInBand
else
  FAILED=$((FAILED + 1)); FAILURES+=("End-to-end environment did not start (see $STATE/logs)")
fi
e2e_down

echo
[ ${#FAILURES[@]} -gt 0 ] && printf 'Failed: %s\n' "${FAILURES[@]}"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
