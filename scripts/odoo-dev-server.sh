#!/usr/bin/env bash
# Runs a real Odoo 18 Community server on 127.0.0.1:8069 for Closer's live tests, outside the
# repository (Odoo's source never enters it). Idempotent: every step is skipped when done.
#
#   scripts/odoo-dev-server.sh SNAPSHOT_GIT_DIR   set up and start (databases closedemo, closerpush)
#   scripts/odoo-dev-server.sh reset DB           restore DB from DB_template (server keeps running)
#   scripts/odoo-dev-server.sh stop
#
# SNAPSHOT_GIT_DIR is a bare git repository of Odoo 18.0 (e.g. the fetched public snapshot).
# Work folder: $ODOO_DEV_HOME (default ~/odoo18).
set -euo pipefail
home=${ODOO_DEV_HOME:-$HOME/odoo18}
export PGPASSWORD=odoo
psql_odoo() { psql -h 127.0.0.1 -U odoo -d postgres -tAc "$1"; }
running() { curl -s -m 3 -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
    -d '{"jsonrpc":"2.0","method":"call","params":{"service":"common","method":"version","args":[]},"id":1}' \
    http://127.0.0.1:8069/jsonrpc | grep -q 200; }

start_postgres() {
    if ! command -v pg_ctlcluster >/dev/null; then apt-get update -qq && apt-get install -y -qq postgresql >/dev/null; fi
    pg_ctlcluster 15 main status >/dev/null 2>&1 || pg_ctlcluster 15 main start
    (cd /tmp && su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname = 'odoo'\"" | grep -q 1) \
        || (cd /tmp && su postgres -c "psql -qc \"CREATE ROLE odoo LOGIN PASSWORD 'odoo' CREATEDB;\"")
}

stop_server() { pkill -f "$home/src/odoo-bin" 2>/dev/null || true; sleep 1; }

start_server() {
    running && return
    nohup "$home/venv/bin/python" "$home/src/odoo-bin" -c "$home/odoo.conf" >>"$home/odoo.log" 2>&1 &
    for _ in $(seq 60); do running && return; sleep 1; done
    echo "Odoo did not start: see $home/odoo.log" >&2; exit 1
}

case "${1:-}" in
reset)
    db=${2:?usage: $0 reset DB}
    psql_odoo "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname IN ('$db', '${db}_template') AND pid <> pg_backend_pid()" >/dev/null
    dropdb -h 127.0.0.1 -U odoo --if-exists "$db"
    createdb -h 127.0.0.1 -U odoo -T "${db}_template" "$db"
    echo "reset $db from ${db}_template"; exit 0 ;;
stop) stop_server; exit 0 ;;
esac

snapshot=${1:-${ODOO_SNAPSHOT:?usage: $0 SNAPSHOT_GIT_DIR}}
mkdir -p "$home/src"
[ -f "$home/src/odoo-bin" ] || git --git-dir="$snapshot" archive HEAD odoo-bin odoo addons requirements.txt | tar -x -C "$home/src"
start_postgres

if [ ! -x "$home/venv/bin/python" ]; then
    python3 -m venv "$home/venv"
    # Odoo's pins for this Python, with wheels: psycopg2-binary for psycopg2, no LDAP or gevent.
    grep -vE '^(psycopg2|python-ldap|gevent|greenlet)' "$home/src/requirements.txt" > "$home/requirements.txt"
    # Some pinned packages build from source with setup.py files that still import pkg_resources.
    echo "setuptools<70" > "$home/build-constraints.txt"
    PIP_CONSTRAINT="$home/build-constraints.txt" "$home/venv/bin/pip" install -q -r "$home/requirements.txt" psycopg2-binary
fi

cat > "$home/odoo.conf" <<CONF
[options]
addons_path = $home/src/addons,$home/src/odoo/addons
db_host = 127.0.0.1
db_port = 5432
db_user = odoo
db_password = odoo
http_interface = 127.0.0.1
http_port = 8069
admin_passwd = admin
workers = 0
list_db = True
logfile = $home/odoo.log
CONF

modules=account,sale_management,purchase,stock_account
for db in closedemo closerpush; do
    if ! psql_odoo "SELECT 1 FROM pg_database WHERE datname = '${db}_template'" | grep -q 1; then
        stop_server
        demo=(); [ "$db" = closerpush ] && demo=(--without-demo=all)
        dropdb -h 127.0.0.1 -U odoo --if-exists "$db"
        "$home/venv/bin/python" "$home/src/odoo-bin" -c "$home/odoo.conf" -d "$db" -i "$modules" "${demo[@]}" --stop-after-init
        createdb -h 127.0.0.1 -U odoo -T "$db" "${db}_template"
    fi
done
start_server
cat <<ENV
Odoo 18 is serving http://127.0.0.1:8069. For Closer's live tests:
export CLOSER_TEST_ODOO_URL=http://127.0.0.1:8069 CLOSER_TEST_ODOO_DB=closedemo CLOSER_TEST_ODOO_USER=admin CLOSER_TEST_ODOO_PASSWORD=admin
ENV
