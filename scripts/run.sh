#!/usr/bin/env bash
# Runs the app locally: installs Azurite and maildev if missing (npm ci from tools/local/package-lock.json), starts
# Azurite's table service, maildev (SMTP with a web inbox) and the app on 127.0.0.1, the app running its timer
# functions on their function.json schedules and sending email to maildev; prints the URLs and keys; Ctrl-C stops all three.
# Override with REGRIGHTS_URL, REGRIGHTS_TABLE_PORT, REGRIGHTS_SMTP_PORT, REGRIGHTS_MAILDEV_PORT,
# REGRIGHTS_FUNCTION_KEY, REGRIGHTS_WEBHOOK_SECRET, REGRIGHTS_EMAIL_FROM.
# ScanDeadlines runs only when called (POST /admin/functions/ScanDeadlines) unless REGRIGHTS_SCHEDULED_SCAN=true: its
# watermark then moves only when you ask, so an agreement loaded after start still has this morning's reminders
# ahead of the scan. The first scan of a fresh .azurite/ looks back 4 days (REGRIGHTS_FIRST_SCAN_LOOKBACK), so a
# demo on a weekend still reaches Friday's 08:00.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

source scripts/lib/local-services.sh
ensure_local_services_installed

app_url="${REGRIGHTS_URL:-http://127.0.0.1:7071}"
table_port="${REGRIGHTS_TABLE_PORT:-10002}"
smtp_port="${REGRIGHTS_SMTP_PORT:-1025}"
maildev_port="${REGRIGHTS_MAILDEV_PORT:-1080}"
email_from="${REGRIGHTS_EMAIL_FROM:-reminders@regrights.localhost}"
scan_disabled=true
if [ "${REGRIGHTS_SCHEDULED_SCAN:-false}" = "true" ]; then scan_disabled=false; fi
first_scan_lookback="${REGRIGHTS_FIRST_SCAN_LOOKBACK:-4.00:00:00}"
function_key="${REGRIGHTS_FUNCTION_KEY:-local-dev-key}"
# Standard Webhooks secret: whsec_ + base64 of the key bytes.
webhook_secret="${REGRIGHTS_WEBHOOK_SECRET:-whsec_$(printf 'local-dev-webhook-secret' | base64)}"
# The well-known Azurite development account key (public, documented; not a secret).
account_key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
table_endpoint="http://127.0.0.1:${table_port}/devstoreaccount1"

pids=()
stop() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop EXIT INT TERM

mkdir -p "$root/.azurite"
"$REGRIGHTS_LOCAL_SERVICES/azurite-table" --tableHost 127.0.0.1 --tablePort "$table_port" \
  --location "$root/.azurite" --skipApiVersionCheck --disableTelemetry --silent &
pids+=($!)

"$REGRIGHTS_LOCAL_SERVICES/maildev" --ip 127.0.0.1 --smtp "$smtp_port" --web "$maildev_port" --silent &
pids+=($!)

dotnet build src/RegRights.Functions -c Release -nologo -clp:ErrorsOnly

Functions__LocalUrl="$app_url" \
Functions__Key="$function_key" \
Storage__ConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${account_key};TableEndpoint=${table_endpoint};" \
Webhooks__Sources__local__Secret="$webhook_secret" \
Email__Transport=Smtp \
Email__Smtp__Host=127.0.0.1 \
Email__Smtp__Port="$smtp_port" \
Email__Smtp__UseTls=false \
Email__From="$email_from" \
Timers__RunLocally=true \
AzureWebJobs__ScanDeadlines__Disabled="$scan_disabled" \
Reminders__FirstScanLookBack="$first_scan_lookback" \
  bash -c 'cd src/RegRights.Functions/bin/Release/net10.0 && exec dotnet RegRights.Functions.dll' &
app_pid=$!
pids+=("$app_pid")

for attempt in $(seq 1 150); do
  if curl -fsS "$app_url/api/health" >/dev/null 2>&1; then break; fi
  if [ "$attempt" -eq 150 ] || ! kill -0 "$app_pid" 2>/dev/null; then
    echo "the app did not start; see above" >&2
    exit 1
  fi
  sleep 0.2
done
if ! curl -fsS "http://127.0.0.1:$maildev_port/" >/dev/null 2>&1; then
  echo "maildev does not answer on 127.0.0.1:$maildev_port (ports taken? set REGRIGHTS_SMTP_PORT, REGRIGHTS_MAILDEV_PORT)" >&2
  exit 1
fi

cat <<INFO

RegRights.Functions is running.
  API            $app_url/api   (management key: x-functions-key: $function_key)
  Health         $app_url/api/health
  OpenAPI        $app_url/api/openapi.json?code=$function_key
  Azurite table  $table_endpoint (data in .azurite/)
  Email inbox    http://127.0.0.1:$maildev_port   (maildev; the app sends through SMTP 127.0.0.1:$smtp_port)
  Webhook secret $webhook_secret   (source "local")
Timer functions run on their function.json schedules (UTC)$([ "$scan_disabled" = true ] && echo ", ScanDeadlines only when called (REGRIGHTS_SCHEDULED_SCAN=true: hourly)"); run one now:
  curl -X POST -H "x-functions-key: $function_key" $app_url/admin/functions/<Name>
Reminder emails for the sample, in the inbox within a minute (DispatchReminders runs every minute):
  scripts/load-sample.sh
  curl -X POST -H "x-functions-key: $function_key" $app_url/admin/functions/ScanDeadlines
Ctrl-C stops all three.
INFO
wait
