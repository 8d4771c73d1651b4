#!/usr/bin/env bash
# Builds the package the Azure Functions host runs (azure.yaml's prepackage hook; also by hand):
#   <out>/site/host.json                 the repository's host.json
#   <out>/site/<Function>/function.json  one folder per function, from <project>/functions/
#   <out>/site/app/                      the app, published for linux-x64, self-contained and ReadyToRun
#                                        (host.json's customHandler defaultExecutablePath is app/RegRights.Functions)
#   <out>/regrights-functions.zip        the same tree, zipped with its file modes, for a manual zip deploy
# Usage: scripts/package.sh [project-dir] [output-dir]
#   (defaults: src/RegRights.Functions and artifacts/deploy)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="$(cd "${1:-$root/src/RegRights.Functions}" && pwd)"
out="${2:-$root/artifacts/deploy}"
site="$out/site"
zip_path="$out/regrights-functions.zip"

command -v zip >/dev/null 2>&1 || { echo "package.sh: 'zip' is required" >&2; exit 1; }

function_dirs=()
for dir in "$project"/functions/*/; do
  [ -f "$dir/function.json" ] && function_dirs+=("${dir%/}")
done
if [ ${#function_dirs[@]} -eq 0 ]; then
  echo "package.sh: no functions/<Name>/function.json under $project; the host would load nothing" >&2
  exit 1
fi

rm -rf "$site" "$zip_path"
mkdir -p "$site"

# Restore without a runtime identifier, then publish without restoring: a `publish -r` that restores
# would impose linux-x64 on every referenced project and break their locked restore (NU1004). The app
# project lists linux-x64 in RuntimeIdentifiers, so its lock file and assets already cover it.
# PublishReadyToRun at restore time brings the Crossgen2 pack.
dotnet restore "$project" -p:PublishReadyToRun=true -nologo
dotnet publish "$project" --no-restore -c Release -r linux-x64 --self-contained \
  -p:PublishReadyToRun=true -o "$site/app" -nologo

cp "$root/host.json" "$site/"
cp -R "${function_dirs[@]}" "$site/"

# zip keeps the executable bit of app/RegRights.Functions; the host cannot start the handler without it.
(cd "$site" && zip -q -r -X "$zip_path" .)
echo "package: $site"
echo "zip:     $zip_path"
