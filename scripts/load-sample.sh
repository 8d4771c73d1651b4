#!/usr/bin/env bash
# Loads the sample agreement (samples/agreement-2000-04-28.json, from ../shared/reference) into a running app
# (scripts/run.sh) and records its closing on 2000-04-28. Prints the new agreement's id.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
app_url="${REGRIGHTS_URL:-http://127.0.0.1:7071}"
key="${REGRIGHTS_FUNCTION_KEY:-local-dev-key}"

created="$(curl -fsS -X POST "$app_url/api/agreements" -H "x-functions-key: $key" -H 'content-type: application/json' \
  --data-binary "@$root/samples/agreement-2000-04-28.json")"
id="$(printf '%s' "$created" | sed -n 's/.*"id": *"\([0-9a-f]\{32\}\)".*/\1/p' | head -n1)"
curl -fsS -X POST "$app_url/api/agreements/$id/events" -H "x-functions-key: $key" -H 'content-type: application/json' \
  --data '{"id":"closing","kind":"closing","date":"2000-04-28","note":"Closing under the Securities Purchase Agreement of April 28, 2000"}' >/dev/null
echo "$id"
