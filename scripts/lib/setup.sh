# Shared set-up for scripts/start, scripts/test and scripts/bench: everything a fresh Debian/Ubuntu machine
# with Node.js 20+ needs, done idempotently. Sourced, not run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

say() { printf '\033[1;35m[sen]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[sen] %s\033[0m\n' "$*" >&2; exit 1; }

can_apt() { command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; }
APT_UPDATED=0
apt_install() {
  can_apt || return 1
  if [ "$APT_UPDATED" = 0 ]; then DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

load_env() {
  # .env overrides the defaults of .env.example; variables already set in the environment win over both.
  if [ -f .env ]; then
    while IFS='=' read -r key value; do
      [[ "$key" =~ ^[A-Z_][A-Z0-9_]*$ ]] || continue
      [ -n "${!key:-}" ] || export "$key=$value"
    done < .env
  fi
  export DATABASE_URL="${DATABASE_URL:-mysql://root@127.0.0.1:3306/sen}"
  export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
}

ensure_node() {
  command -v node >/dev/null 2>&1 || die "Node.js 20.19+ is required: install it (e.g. apt-get install nodejs, or from nodejs.org) and run again."
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
    || die "Node.js 20.19+ is required (found $(node -v))."
}

ensure_pnpm() {
  local want
  want="$(node -p 'require("./package.json").packageManager.split("@")[1]')"
  if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm -v 2>/dev/null)" != "$want" ]; then
    say "installing pnpm $want"
    npm install -g "pnpm@$want" --silent >/dev/null 2>&1 || die "could not install pnpm $want with npm; install it and run again."
  fi
}

install_deps() {
  say "installing dependencies (pnpm install)"
  local log
  log="$(mktemp)"
  if ! CI=true pnpm install --frozen-lockfile >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    die "pnpm install failed (see above)"
  fi
  rm -f "$log"
}

# Probes the database server and Redis with the project's own drivers; prints what does not answer.
services_down() { node scripts/lib/probe-services.js 2>/dev/null || true; }

ensure_services() {
  local down
  down="$(services_down)"
  [ -z "$down" ] && return 0
  say "not answering: $down"
  if ! can_apt; then
    die "Start a MySQL 8 / MariaDB 10.11 server and Redis 7 (or set DATABASE_URL / REDIS_URL), e.g. apt-get install mariadb-server redis-server, then run again."
  fi
  if [[ "$down" == *database* ]]; then
    if ! command -v mariadbd >/dev/null 2>&1 && ! command -v mysqld >/dev/null 2>&1; then
      say "installing mariadb-server"
      apt_install mariadb-server
    fi
    say "starting MariaDB"
    (service mariadb start || service mysql start || start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd) >/dev/null 2>&1 || true
    for _ in $(seq 1 30); do mariadb -uroot -e 'SELECT 1' >/dev/null 2>&1 && break; sleep 1; done
    # Debian's root logs in through the unix socket only; the platform connects as root over TCP (demo set-up).
    mariadb -uroot -e "ALTER USER 'root'@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD('') OR unix_socket; FLUSH PRIVILEGES;" >/dev/null 2>&1 || true
  fi
  if [[ "$down" == *redis* ]]; then
    command -v redis-server >/dev/null 2>&1 || { say "installing redis-server"; apt_install redis-server; }
    say "starting Redis"
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
  fi
  for _ in $(seq 1 30); do down="$(services_down)"; [ -z "$down" ] && return 0; sleep 1; done
  die "still not answering: $down (check DATABASE_URL=$DATABASE_URL and REDIS_URL=$REDIS_URL)"
}

ensure_chromium() {
  [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] && return 0
  say "installing Debian's chromium (browser tests)"
  apt_install chromium fonts-dejavu-core || die "browser tests need Chromium at /usr/bin/chromium: apt-get install chromium"
}

ensure_libreoffice() {
  command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 && return 0
  say "installing libreoffice-writer and poppler-utils (Word export checks)"
  apt_install libreoffice-writer poppler-utils fonts-liberation || die "the export tests need LibreOffice: apt-get install libreoffice-writer poppler-utils"
}
