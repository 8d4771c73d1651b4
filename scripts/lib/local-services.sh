# Shared by scripts/run.sh and scripts/test.sh: the npm-installed real parts (Azurite, maildev).
# The test fixtures find them through REGRIGHTS_LOCAL_SERVICES (tools/local/node_modules/.bin).

local_services_dir() { echo "$(cd "$(dirname "${BASH_SOURCE[0]}")/../../tools/local" && pwd)"; }

# npm ci from the committed lock file, only when node_modules is missing or older than the lock.
ensure_local_services_installed() {
  local dir; dir="$(local_services_dir)"
  if ! command -v npm >/dev/null 2>&1; then
    echo "npm is required (Node.js 20 or later) to run Azurite and maildev" >&2
    return 1
  fi
  if [ ! -x "$dir/node_modules/.bin/azurite-table" ] || [ ! -x "$dir/node_modules/.bin/maildev" ] ||
     [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) || return 1
  fi
  export REGRIGHTS_LOCAL_SERVICES="$dir/node_modules/.bin"
}
