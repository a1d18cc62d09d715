# Shared by scripts/up.sh and scripts/test.sh. Sourced, not run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="$ROOT/.keeper"
PNPM_VERSION=10.34.9
mkdir -p "$STATE/logs" "$STATE/pids"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf '\033[31mError: %s\033[0m\n' "$*" >&2; exit 1; }

require_node() {
  command -v node >/dev/null || die "Node.js 20 or newer is required (https://nodejs.org)."
  local major; major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$major" -ge 20 ] || die "Node.js 20 or newer is required; found $(node -v)."
}

# pnpm: use an installed pnpm 10+, else install it with npm, else run it through npx.
ensure_pnpm() {
  if command -v pnpm >/dev/null && [ "$(pnpm -v | cut -d. -f1)" -ge 10 ]; then PNPM=(pnpm); return; fi
  say "Installing pnpm $PNPM_VERSION"
  if npm install -g "pnpm@$PNPM_VERSION" >/dev/null 2>&1 && command -v pnpm >/dev/null; then PNPM=(pnpm); return; fi
  PNPM=(npx --yes "pnpm@$PNPM_VERSION")
}

install_deps() {
  say "Installing dependencies"
  "${PNPM[@]}" install --frozen-lockfile --reporter=silent
}

pg_up() { node -e "const s=require('net').connect(5432,'127.0.0.1');s.on('connect',()=>process.exit(0));s.on('error',()=>process.exit(1))"; }
redis_up() { node -e "const s=require('net').connect(6379,'127.0.0.1');s.on('connect',()=>{s.write('PING\r\n')});s.on('data',d=>process.exit(String(d).startsWith('+PONG')?0:1));s.on('error',()=>process.exit(1))"; }

# Starts locally installed PostgreSQL and Redis when they are stopped; says how to get them when absent.
ensure_services() {
  if ! pg_up; then
    if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
      say "Starting PostgreSQL"
      for v in $(ls /etc/postgresql); do pg_ctlcluster --skip-systemctl-redirect "$v" main start 2>/dev/null || true; done
    elif command -v brew >/dev/null; then brew services start postgresql >/dev/null 2>&1 || true
    elif command -v service >/dev/null; then service postgresql start >/dev/null 2>&1 || true
    fi
    for _ in $(seq 1 30); do pg_up && break; sleep 0.5; done
    pg_up || die "PostgreSQL is not reachable on 127.0.0.1:5432. Install it (Debian/Ubuntu: sudo apt-get install postgresql; macOS: brew install postgresql@16) with a superuser 'postgres' that can connect locally without a password (trust), or set DATABASE_ADMIN_URL. Or use Docker: see docker/README.md."
  fi
  if ! redis_up; then
    if command -v redis-server >/dev/null; then
      say "Starting Redis"
      redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
    elif command -v brew >/dev/null; then brew services start redis >/dev/null 2>&1 || true
    fi
    for _ in $(seq 1 30); do redis_up && break; sleep 0.5; done
    redis_up || die "Redis is not reachable on 127.0.0.1:6379. Install it (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis) or set REDIS_URL."
  fi
}

build_all() {
  say "Building packages, API and web app"
  "${PNPM[@]}" --filter @keeper/money --filter @keeper/jobs --filter @keeper/invoicing --filter @keeper/lending-math --filter @keeper/credit-model run build >/dev/null
  "${PNPM[@]}" --filter @keeper/api run build >/dev/null
  "${PNPM[@]}" --filter @keeper/web run build >/dev/null
}

# Starts one long-running process in the background, remembering its pid.
# setsid gives it its own process group, so stopping it also stops anything it started.
start_process() {
  local name=$1; shift
  stop_process "$name"
  cd "$ROOT"
  if command -v setsid >/dev/null; then setsid "$@" >"$STATE/logs/$name.log" 2>&1 </dev/null &
  else nohup "$@" >"$STATE/logs/$name.log" 2>&1 </dev/null &
  fi
  echo $! >"$STATE/pids/$name.pid"
}

stop_process() {
  local pidfile="$STATE/pids/$1.pid"
  if [ -f "$pidfile" ]; then
    local pid; pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile"
  fi
}

wait_for_url() {
  local url=$1 name=$2
  for _ in $(seq 1 120); do
    if node -e "fetch('$url').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"; then return 0; fi
    sleep 0.5
  done
  die "$name did not come up at $url; see $STATE/logs/$name.log"
}
