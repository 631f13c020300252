#!/usr/bin/env bash
# Load test of `closer serve` on loopback: the findings list, as a dashboard polls it.
# Builds the release binary, loads the demo company into a scratch store, issues a token, starts
# the server and runs wrk against it (apt-get install wrk). Prints wrk's report with latency
# percentiles, then the server's own count of non-2xx answers.
#
# Usage: scripts/load-test.sh [seconds=30] [connections=32] [threads=2]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-30}
connections=${2:-32}
threads=${3:-2}
port=${CLOSER_LOAD_PORT:-18080}
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 1; }

swift build -c release --product closer --scratch-path .build-release >/dev/null
closer=.build-release/release/closer
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
export CLOSER_STORE="$work/demo.sqlite"

(cd "$work" && "$OLDPWD/$closer" demo --store "$CLOSER_STORE" >/dev/null)
# The store's first user gets a token at once (and is its admin; the load reads as a viewer would).
token=$("$closer" users add loadtest --name "Load test" --role viewer --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["firstToken"]["token"])')

"$closer" serve --port "$port" 2>"$work/server.log" &
server=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/ready" >/dev/null && break; sleep 0.2; done

url="http://127.0.0.1:$port/api/v1/findings"
echo "findings list: $(curl -fs -H "Authorization: Bearer $token" "$url" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d["findings"]), "findings of", d["total"], "in", d["period"])')"
wrk --latency -t "$threads" -c "$connections" -d "${duration}s" -H "Authorization: Bearer $token" "$url"
echo "server answers by status: $(curl -fs -H "Authorization: Bearer $token" "http://127.0.0.1:$port/metrics" | grep '^closer_http_requests_total{method="GET",route="/api/v1/findings"' | sed 's/.*status=//' | tr '\n' ' ')"
