#!/usr/bin/env bash
# Issue 21's scale run on one machine: TENANTS simulated Odoo databases closed end to end (pull → check →
# reconcile → propose → package, five jobs each) through the PostgreSQL job queue by 1, 2 and 4 `closer worker`
# processes; prints throughput and queue wait per worker count.
#   scripts/bench-firm.sh [TENANTS=200] [LINES=2000] [LATENCY_MS=30] ["WORKER COUNTS"="1 2 4"]
# Needs CLOSER_BENCH_POSTGRES_URL or CLOSER_TEST_POSTGRES_URL (a database it may make schemas in) and psql.
set -euo pipefail
tenants=${1:-200} lines=${2:-2000} latency=${3:-30} counts=${4:-"1 2 4"}
url=${CLOSER_BENCH_POSTGRES_URL:-${CLOSER_TEST_POSTGRES_URL:?set CLOSER_BENCH_POSTGRES_URL or CLOSER_TEST_POSTGRES_URL}}
cd "$(dirname "$0")/.."
swift build -c release --product closer >&2
swift build -c release --product closer-bench >&2
work=$(mktemp -d /tmp/closer-bench-firm.XXXXXX)
port=${BENCH_FIRM_PORT:-8179}
# Odoo's workers: enough that the simulated server is never what the workers wait for (two calls at once per worker).
.build/release/closer-bench odoo-sim --tenants "$tenants" --lines "$lines" --latency-ms "$latency" --workers 16 --port "$port" --generate \
    >"$work/sim.log" 2>&1 &
sim=$!
trap 'kill $sim 2>/dev/null; true' EXIT
until grep -q "databases:" "$work/sim.log"; do kill -0 $sim || { cat "$work/sim.log" >&2; exit 1; }; sleep 1; done

{
    echo "tenants:"
    width=${#tenants}
    for i in $(seq 1 "$tenants"); do
        name=$(printf "tenant%0${width}d" "$i")
        printf '  %s:\n    odoo:\n      url: http://127.0.0.1:%s\n      database: %s\n      user: admin\n      password_env: SIM_ODOO_PASSWORD\n' "$name" "$port" "$name"
        printf '    pull:\n      history_months: 3\n'
    done
} >"$work/tenants.yaml"
export SIM_ODOO_PASSWORD=admin CLOSER_QUEUE_URL=$url CLOSER_TENANTS_FILE=$work/tenants.yaml

for workers in $counts; do
    schema=closer_bench_firm
    psql "$url" -qc "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null
    .build/release/closer enqueue --queue-schema "$schema" --period 2026-10 --as-of 2026-11-05 >&2
    began=$(date +%s.%N)
    pids=()
    for i in $(seq 1 "$workers"); do
        .build/release/closer worker --queue-schema "$schema" --stores "$work/stores-$workers" --name "w$i" --exit-when-idle 3 --json \
            >"$work/w$workers-$i.json" 2>"$work/w$workers-$i.err" &
        pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid"; done
    python3 - "$workers" "$began" "$work" "$url" "$schema" <<'PY'
import json, subprocess, sys
workers, began, work, url, schema = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
records = [r for i in range(1, workers + 1) for r in json.load(open(f"{work}/w{workers}-{i}.json"))]
# Wall: from the first enqueue to the last job's finish, as the queue recorded them (the workers' idle wait left out).
span = float(subprocess.check_output(["psql", url, "-tAc",
    f"SELECT extract(epoch FROM max(finished_at) - min(enqueued_at)) FROM {schema}.job_queue_jobs"]).strip())
states = subprocess.check_output(["psql", url, "-tAc", f"SELECT state || ' ' || count(*) FROM {schema}.job_queue_jobs GROUP BY state"]).decode().split()
waits = sorted(r["waitedSeconds"] for r in records)
ok = sum(r["outcome"] == "succeeded" for r in records)
pct = lambda p: waits[min(len(waits) - 1, int(len(waits) * p))]
closes = sum(r["outcome"] == "succeeded" and r["kind"] == "package" for r in records)
print(f"{workers} worker(s): {ok} of {len(records)} jobs succeeded, {closes} tenants closed end to end in {span:.1f} s = "
      f"{ok / span:.2f} jobs/s, {closes / span * 60:.1f} closes/min; queue wait p50 {pct(0.5):.2f} s, p95 {pct(0.95):.2f} s; "
      f"queue: {' '.join(states)}")
PY
done
