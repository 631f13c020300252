#!/bin/sh
# Pulls one generated company of LINES lines from the simulated Odoo with the release `closer` and reports the
# wall time and peak RSS of the pulling process and of the simulator (issue 22 item 4's memory question).
#   swift build -c release --product closer-bench && swift build -c release --product closer
#   scripts/bench-sim-pull.sh 1000000 [extra closer-bench odoo-sim flags, e.g. --latency-ms 5]
#   (BIN=dir: the binaries' folder; CLOSER=path: another closer binary; STORE=path: pull into that store and keep it)
set -eu
LINES=${1:?usage: scripts/bench-sim-pull.sh LINES [odoo-sim flags]}
shift
BIN=${BIN:-$(dirname "$0")/../.build/release}
CLOSER=${CLOSER:-$BIN/closer}
PORT=${PORT:-8169}
WORK=$(mktemp -d)
STORE=${STORE:-$WORK/closer.sqlite}
"$BIN/closer-bench" odoo-sim --tenants 1 --lines "$LINES" --port "$PORT" --generate "$@" > "$WORK/sim.log" 2>&1 &
SIM=$!
trap 'kill $SIM 2>/dev/null; rm -rf "$WORK"' EXIT
until grep -q "serving until interrupted" "$WORK/sim.log"; do
  kill -0 $SIM 2>/dev/null || { cat "$WORK/sim.log"; exit 1; }
  sleep 1
done
grep generated "$WORK/sim.log"
/usr/bin/time -f "pull: %e s wall, %U s user, peak RSS %M KB" "$CLOSER" pull --url "http://127.0.0.1:$PORT" --db tenant1 \
  --user admin --password admin --period 2026-10 --store "$STORE" --json > "$WORK/pull.json"
python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print('received', r['received'], 'in', round(r['seconds'],1), 's; counts match:', r['sourceCounts']==r['received'] or r['sourceCounts'])" "$WORK/pull.json"
echo "simulator: $(grep -E 'VmHWM|VmRSS' /proc/$SIM/status | tr -s ' \n' ' ')"
echo "store: $(du -m "$STORE" | cut -f1) MB"
