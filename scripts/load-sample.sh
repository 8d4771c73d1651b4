#!/usr/bin/env bash
# Loads the sample agreement (samples/agreement-2000-04-28.json, from ../shared/reference, with example email
# addresses for its § 6(h) contacts) into a running app (scripts/run.sh), records its Closing, and prints the new
# agreement's id.
#
#   scripts/load-sample.sh                        # a Closing that makes reminders due this Business Day morning
#   scripts/load-sample.sh --closing 2000-04-28   # the agreement as signed (its deadlines are all in 2000)
#
# The default Closing is chosen so that the Filing Date (§ 2(a), Closing + 30 days) falls 10 Business Days (§ 1)
# after the latest Business Day whose 08:00 in California has passed, so that morning carries two steps of the ladder:
# "Filing Date in 10 Business Days" and the § 3(a) pre-filing review "in 5 Business Days". The next ScanDeadlines
# (POST /admin/functions/ScanDeadlines) writes them and DispatchReminders sends them to maildev within a minute.
# The Business Days come from the regrights CLI (built here if missing), so holidays count as the app counts them.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
app_url="${REGRIGHTS_URL:-http://127.0.0.1:7071}"
key="${REGRIGHTS_FUNCTION_KEY:-local-dev-key}"
zone="America/Los_Angeles"   # the sample's terms.timeZone
send_hour=8                  # Reminders:SendHour

closing=""
while [ $# -gt 0 ]; do
  case "$1" in
    --closing) closing="${2:?--closing needs a date, yyyy-MM-dd}"; shift 2 ;;
    --closing=*) closing="${1#--closing=}"; shift ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

if [ -z "$closing" ]; then
  cli="$root/src/RegRights.Cli/bin/Release/net10.0/regrights.dll"
  if [ ! -f "$cli" ]; then
    dotnet build "$root/src/RegRights.Cli" -c Release -nologo -clp:ErrorsOnly >&2
  fi
  today="$(TZ="$zone" date +%F)"
  hour="$(TZ="$zone" date +%H)"
  # Days that are not Business Days (§ 1: weekends, holidays) from three weeks back to six weeks ahead.
  closed="$(dotnet "$cli" business-days --from "$(date -d "$today -21 days" +%F)" --to "$(date -d "$today +42 days" +%F)" --json |
    tr -d ' \n' | grep -o '"date":"[0-9-]*","dayOfWeek":"[a-z]*","businessDay":false' | grep -o '[0-9]\{4\}-[0-9-]*' || true)"
  is_business_day() { ! printf '%s\n' "$closed" | grep -qx "$1"; }

  morning="$today"
  if [ "$((10#$hour))" -lt "$send_hour" ]; then morning="$(date -d "$morning -1 day" +%F)"; fi
  while ! is_business_day "$morning"; do morning="$(date -d "$morning -1 day" +%F)"; done

  filing="$morning"
  for _ in $(seq 1 10); do
    filing="$(date -d "$filing +1 day" +%F)"
    while ! is_business_day "$filing"; do filing="$(date -d "$filing +1 day" +%F)"; done
  done
  closing="$(date -d "$filing -30 days" +%F)"
  echo "Closing $closing: Filing Date $filing; reminders due $morning 08:00 ($zone)" >&2
fi

created="$(curl -fsS -X POST "$app_url/api/agreements" -H "x-functions-key: $key" -H 'content-type: application/json' \
  --data-binary "@$root/samples/agreement-2000-04-28.json")"
id="$(printf '%s' "$created" | sed -n 's/.*"id": *"\([0-9a-f]\{32\}\)".*/\1/p' | head -n1)"
curl -fsS -X POST "$app_url/api/agreements/$id/events" -H "x-functions-key: $key" -H 'content-type: application/json' \
  --data "{\"id\":\"closing\",\"kind\":\"closing\",\"date\":\"$closing\",\"note\":\"Closing under the Securities Purchase Agreement of April 28, 2000\"}" >/dev/null
echo "$id"
