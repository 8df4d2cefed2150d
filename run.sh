#!/usr/bin/env bash
# Runs the whole portal locally: installs what is missing, starts Azurite (data kept in .data/azurite),
# starts the function app (API, the static site, the local trigger host) and prints the site's URL.
set -euo pipefail
cd "$(dirname "$0")"
PORT="${PORT:-5080}"
DATA="$PWD/.data"
mkdir -p "$DATA/azurite"

if [ ! -x node_modules/.bin/azurite ]; then
  echo "Cài đặt công cụ npm (Azurite, ajv)..."
  npm ci --no-audit --no-fund --loglevel=error
fi
npm run --silent build:web >/dev/null

# Azurite on its default ports unless something already answers there.
azurite_pid=""
if ! (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null; then
  node node_modules/azurite/dist/src/azurite.js --skipApiVersionCheck --loose --silent \
    --location "$DATA/azurite" --blobPort 10000 --queuePort 10001 --tablePort 10002 >"$DATA/azurite.log" 2>&1 &
  azurite_pid=$!
fi
app_pid=""
cleanup() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null; [ -n "$azurite_pid" ] && kill "$azurite_pid" 2>/dev/null; true; }
trap cleanup EXIT INT TERM

KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
export Storage__ConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$KEY;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;"
export Auth__DevSignIn=true
export Auth__DevSigningKeyFile="$DATA/dev-signing-key.pem"
export Triggers__LocalHost=true
export ASPNETCORE_ENVIRONMENT=Development

echo "Biên dịch ứng dụng (building the function app)..."
dotnet build functions/Portal.Functions -c Release -nologo -v quiet
dotnet run --project functions/Portal.Functions -c Release --no-build --no-launch-profile -- --urls "http://127.0.0.1:$PORT" &
app_pid=$!
for _ in $(seq 1 120); do
  if node -e 'fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' "http://127.0.0.1:$PORT/api/health"; then break; fi
  kill -0 "$app_pid" 2>/dev/null || { echo "Ứng dụng không khởi động được (the app failed to start)." >&2; exit 1; }
  sleep 0.5
done
count=$(node -e 'fetch(process.argv[1]).then(r=>r.json()).then(j=>console.log(j.total),()=>console.log("?"))' "http://127.0.0.1:$PORT/api/catalogue/procedures?pageSize=1")
echo
echo "Cổng Dịch vụ công đang chạy: http://127.0.0.1:$PORT/   (${count:-?} thủ tục trong danh mục)"
echo "API explorer: http://127.0.0.1:$PORT/api-explorer   Dữ liệu Azurite: $DATA/azurite   Dừng: Ctrl+C"
wait "$app_pid"
