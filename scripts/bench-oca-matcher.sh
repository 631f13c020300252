#!/usr/bin/env bash
# OCA's bank matcher (account_reconcile_model_oca 18.0, from PyPI) on a ledger closer-bench wrote, in a scratch
# copy of the empty company that scripts/odoo-dev-server.sh made (closerpush_template). Prints the peer's JSON line.
#   scripts/bench-oca-matcher.sh /tmp/closer-bench-match.json
# Needs: scripts/odoo-dev-server.sh run once (ODOO_DEV_DIR, default $HOME/odoo18) and network access to PyPI
# the first time. The scratch database closer_oca_bench is dropped and made anew on each run.
set -euo pipefail
ledger=${1:?usage: $0 LEDGER_JSON}
dir=${ODOO_DEV_DIR:-$HOME/odoo18}
here=$(cd "$(dirname "$0")" && pwd)
db=closer_oca_bench
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=odoo PGPASSWORD=odoo
say() { echo "bench-oca: $*" >&2; }

[ -x "$dir/venv/bin/python" ] && [ -f "$dir/odoo.conf" ] ||
    { say "no Odoo 18 in $dir: run scripts/odoo-dev-server.sh first"; exit 2; }
psql -d postgres -qtAc "SELECT 1 FROM pg_database WHERE datname = 'closerpush_template'" | grep -q 1 ||
    { say "no closerpush_template database: run scripts/odoo-dev-server.sh first"; exit 2; }

# OCA's 18.0 wheels unzipped into an addons folder of their own.
oca=$dir/oca-addons
if [ ! -d "$oca/odoo/addons/account_reconcile_model_oca" ]; then
    say "downloading account_reconcile_model_oca 18.0 from PyPI"
    rm -rf "$oca.tmp" && mkdir -p "$oca.tmp/wheels"
    "$dir/venv/bin/pip" download -q --no-deps -d "$oca.tmp/wheels" 'odoo-addon-account-reconcile-model-oca>=18.0,<18.1'
    for wheel in "$oca.tmp"/wheels/*.whl; do "$dir/venv/bin/python" -m zipfile -e "$wheel" "$oca.tmp"; done
    rm -rf "$oca" && mv "$oca.tmp" "$oca"
fi
addons=$(sed -n 's/^addons_path = //p' "$dir/odoo.conf"),$oca/odoo/addons

dropdb --force --if-exists "$db"
createdb -T closerpush_template "$db"
say "installing account_reconcile_model_oca into $db"
odoo() { (cd "$dir/src" && "$dir/venv/bin/python" -c 'import sys, odoo.cli; sys.argv[0] = "odoo-bin"; odoo.cli.main()' "$@"); }
odoo -c "$dir/odoo.conf" --addons-path "$addons" -d "$db" -i account_reconcile_model_oca --stop-after-init \
    --logfile "$dir/bench-oca.log"
say "loading the ledger and matching (log: $dir/bench-oca.log)"
CLOSER_BENCH_LEDGER=$ledger odoo shell -c "$dir/odoo.conf" --addons-path "$addons" -d "$db" --no-http \
    --logfile "$dir/bench-oca.log" <"$here/bench_oca_matcher.py" | grep '^{"lines"'
dropdb --force --if-exists "$db"
