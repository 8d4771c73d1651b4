#!/usr/bin/env bash
# Runs the app locally: installs Azurite and maildev if missing (npm ci from tools/local/package-lock.json), starts
# Azurite's table service (data in .azurite/), maildev (SMTP 127.0.0.1:1025, inbox http://127.0.0.1:1080) and the
# Functions app on 127.0.0.1:7071: under Core Tools (`func start`) when `func` is on PATH, else under the repository's
# local Functions host (tools/RegRights.LocalHost), which runs the same worker binary over the host's protocol.
# The app's settings are src/RegRights.Functions/local.settings.json, made from local.settings.example.json on the
# first run (keys, the webhook secret, the email transport). Ctrl-C stops everything, Azurite last, so that what it
# acknowledged is on disk.
# ScanDeadlines runs only when called (POST /admin/functions/ScanDeadlines with the master key) unless
# REGRIGHTS_SCHEDULED_SCAN=true: its watermark then moves only when you ask, so an agreement loaded after start still
# has this morning's reminders ahead of the scan. The first scan of a fresh .azurite/ looks back 4 days
# (REGRIGHTS_FIRST_SCAN_LOOKBACK), so a demo on a weekend still reaches Friday's 08:00.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

source scripts/lib/local-services.sh
echo "[1/4] Azurite and maildev (npm, first run only)…"
ensure_local_services_installed

project="$root/src/RegRights.Functions"
settings="$project/local.settings.json"
if [ ! -f "$settings" ]; then
  cp "$project/local.settings.example.json" "$settings"
  echo "      made $settings from the example"
fi
setting() { grep -o "\"$1\": *\"[^\"]*\"" "$settings" | sed 's/.*: *"\(.*\)"/\1/'; }
function_key="$(setting LOCALHOST_FUNCTION_KEY)"
master_key="$(setting LOCALHOST_MASTER_KEY)"
webhook_secret="$(setting Webhooks__Sources__local__Secret)"

export AzureWebJobs__ScanDeadlines__Disabled=true
if [ "${REGRIGHTS_SCHEDULED_SCAN:-false}" = "true" ]; then export AzureWebJobs__ScanDeadlines__Disabled=false; fi
export Reminders__FirstScanLookBack="${REGRIGHTS_FIRST_SCAN_LOOKBACK:-4.00:00:00}"

# A build that says what it is doing: each project is named as dotnet finishes it ("built RegRights.Core, 12 s"), so a
# fresh clone's minute of building is never silent; errors are shown as they come, warnings are left to the IDE.
build() {
  local started=$SECONDS
  dotnet build "$1" -c Release -nologo -v:minimal 2>&1 |
    { grep --line-buffered -E ' -> |: error |Restored ' || true; } |
    while IFS= read -r line; do
      case "$line" in
        *" -> "*) name="${line%% -> *}"; echo "      built ${name#"${name%%[![:space:]]*}"}, $((SECONDS - started)) s" ;;
        *"Restored "*) echo "      restored packages, $((SECONDS - started)) s" ;;
        *) echo "$line" ;;
      esac
    done
}

azurite_pid=""; maildev_pid=""; app_pid=""
# Each service is stopped the way that keeps its data, and waited for, the app first: Azurite writes its tables on
# SIGINT (on SIGTERM it exits with up to 5 s of acknowledged writes lost). The app gets SIGTERM, since a script's
# background jobs ignore SIGINT; the local host then stops the worker and its servers in order.
stop() {
  trap - EXIT INT TERM
  [ -n "$app_pid" ] && kill -TERM "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
  [ -n "$maildev_pid" ] && kill -TERM "$maildev_pid" 2>/dev/null && wait "$maildev_pid" 2>/dev/null
  [ -n "$azurite_pid" ] && kill -INT "$azurite_pid" 2>/dev/null && wait "$azurite_pid" 2>/dev/null
  return 0
}
trap stop EXIT INT TERM

mkdir -p "$root/.azurite"
"$REGRIGHTS_LOCAL_SERVICES/azurite-table" --tableHost 127.0.0.1 --tablePort 10002 \
  --location "$root/.azurite" --skipApiVersionCheck --disableTelemetry --silent &
azurite_pid=$!
"$REGRIGHTS_LOCAL_SERVICES/maildev" --ip 127.0.0.1 --smtp 1025 --web 1080 --silent &
maildev_pid=$!

if command -v func >/dev/null 2>&1; then
  echo "[2/4] Core Tools found: func start builds the app…"
  (cd "$project" && exec func start --port 7071) &
  app_pid=$!
else
  echo "[2/4] building the app and the local Functions host (about a minute on a fresh clone)…"
  build_started=$SECONDS
  build "$project"
  build tools/RegRights.LocalHost
  echo "      built in $((SECONDS - build_started)) s"
  echo "[3/4] starting the worker under the local Functions host…"
  dotnet tools/RegRights.LocalHost/bin/Release/net10.0/RegRights.LocalHost.dll \
    --app "$project/bin/Release/net10.0" --settings "$settings" --port 7071 &
  app_pid=$!
fi

for attempt in $(seq 1 300); do
  if curl -fsS "http://127.0.0.1:7071/api/health" >/dev/null 2>&1; then break; fi
  if [ "$attempt" -eq 300 ] || ! kill -0 "$app_pid" 2>/dev/null; then
    echo "the app did not start; see above" >&2
    exit 1
  fi
  sleep 0.2
done
if ! curl -fsS "http://127.0.0.1:1080/" >/dev/null 2>&1; then
  echo "maildev does not answer on 127.0.0.1:1080 (ports taken?)" >&2
  exit 1
fi

cat <<INFO
[4/4] RegRights.Functions is running.
  API            http://127.0.0.1:7071/api   (function key: x-functions-key: $function_key)
  Health         http://127.0.0.1:7071/api/health
  OpenAPI        http://127.0.0.1:7071/api/openapi.json
  Azurite table  http://127.0.0.1:10002/devstoreaccount1 (data in .azurite/)
  Email inbox    http://127.0.0.1:1080   (maildev; the app sends through SMTP 127.0.0.1:1025)
  Webhook secret $webhook_secret   (source "local")
  Settings       $settings
Timer functions run on their schedules (UTC)$([ "$AzureWebJobs__ScanDeadlines__Disabled" = true ] && echo ", ScanDeadlines only when called (REGRIGHTS_SCHEDULED_SCAN=true: hourly)"); run one now (master key):
  curl -X POST -H "x-functions-key: $master_key" -H "Content-Type: application/json" -d '{}' http://127.0.0.1:7071/admin/functions/<Name>
Reminder emails for the sample, in the inbox within a minute (DispatchReminders runs every minute):
  scripts/load-sample.sh
  curl -X POST -H "x-functions-key: $master_key" -H "Content-Type: application/json" -d '{}' http://127.0.0.1:7071/admin/functions/ScanDeadlines
Ctrl-C stops everything.
INFO
wait "$app_pid"
