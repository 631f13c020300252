#!/usr/bin/env bash
# Runs a real Odoo 18.0 Community server on 127.0.0.1:8069 for Closer's integration tests.
# Everything lives outside this repository; no Odoo source ever enters it. Idempotent.
#
#   scripts/odoo-dev-server.sh [SNAPSHOT_GIT_DIR]   set up what is missing, start, print exports
#   scripts/odoo-dev-server.sh reset DB             recreate DB from DB_template
#   eval "$(scripts/odoo-dev-server.sh /path/to/odoo.git)"
#
# SNAPSHOT_GIT_DIR (or $ODOO_SNAPSHOT): a git dir of Odoo 18.0, e.g. the public snapshot
# github:KaiO277/odoo. Only needed while the source is not yet extracted.
# Work dir: $ODOO_DEV_DIR (default $HOME/odoo-dev). Progress goes to stderr, exports to stdout.
set -euo pipefail

dir=${ODOO_DEV_DIR:-$HOME/odoo-dev}
url=http://127.0.0.1:8069
modules=account,sale_management,purchase,stock_account
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=odoo PGPASSWORD=odoo

say() { echo "odoo-dev: $*" >&2; }
sql() { psql -d "${2:-postgres}" -qtAc "$1"; }
db_exists() { [ "$(sql "SELECT 1 FROM pg_database WHERE datname = '$1'")" = 1 ]; }
kick() { sql "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '$1' AND pid <> pg_backend_pid()" >/dev/null; }
answering() {
    curl -s -m 5 -X POST -H 'Content-Type: application/json' \
        -d '{"jsonrpc":"2.0","method":"call","params":{"service":"common","method":"version","args":[]},"id":1}' \
        "$url/jsonrpc" 2>/dev/null | grep -q '"server_version"'
}
# Copy DB to DEST while nothing is connected to DB (the server's cron may reconnect: retry).
clone() {
    local src=$1 dest=$2
    for _ in 1 2 3 4 5; do
        kick "$src"
        createdb -T "$src" "$dest" 2>/dev/null && return
        sleep 1
    done
    createdb -T "$src" "$dest"
}
# Odoo's snapshot odoo-bin calls main() twice; call it once for `shell`.
odoo_shell() { (cd "$dir/src" && "$dir/venv/bin/python" -c 'import sys, odoo; sys.argv[0] = "odoo-bin"; odoo.cli.main()' shell -c "$dir/odoo.conf" --no-http "$@"); }

if [ "${1:-}" = reset ]; then
    db=${2:?usage: $0 reset DB}
    db_exists "${db}_template" || { say "no ${db}_template"; exit 1; }
    dropdb --force --if-exists "$db"
    clone "${db}_template" "$db"
    say "reset $db from ${db}_template"
    exit 0
fi

# PostgreSQL server, started, with the odoo role.
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    say "installing postgresql"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
pgver=$(ls /usr/lib/postgresql | sort -V | tail -1)
pg_lsclusters -h | grep -q "^$pgver main" || pg_createcluster "$pgver" main >/dev/null
pg_lsclusters -h | grep -q "^$pgver main .* online" || pg_ctlcluster "$pgver" main start
as_postgres() { (cd / && env -u PGHOST -u PGUSER -u PGPASSWORD su postgres -c "psql -qtAc \"$1\""); }
[ "$(as_postgres "SELECT 1 FROM pg_roles WHERE rolname = 'odoo'")" = 1 ] ||
    as_postgres "CREATE ROLE odoo LOGIN PASSWORD 'odoo' CREATEDB"

# Odoo source (odoo-bin, odoo/, addons/, requirements.txt).
mkdir -p "$dir"
if [ ! -f "$dir/src/odoo-bin" ] || [ ! -d "$dir/src/addons/account" ]; then
    snapshot=${1:-${ODOO_SNAPSHOT:-}}
    [ -n "$snapshot" ] || { say "usage: $0 SNAPSHOT_GIT_DIR (or set ODOO_SNAPSHOT)"; exit 2; }
    [ -d "$snapshot/repo" ] && [ ! -d "$snapshot/objects" ] && snapshot=$snapshot/repo
    say "extracting source from $snapshot"
    rm -rf "$dir/src" "$dir/src.tmp" && mkdir -p "$dir/src.tmp"
    git --git-dir="$snapshot" archive HEAD odoo-bin odoo addons requirements.txt | tar -x -C "$dir/src.tmp"
    mv "$dir/src.tmp" "$dir/src"
fi

# Python venv with Odoo's pins for this Python: psycopg2-binary, no LDAP, gevent or greenlet.
[ -x "$dir/venv/bin/python" ] || python3 -m venv "$dir/venv"
if ! "$dir/venv/bin/python" -c 'import babel, cbor2, lxml, psycopg2, reportlab, werkzeug, zeep' 2>/dev/null; then
    say "installing Python packages"
    grep -vE '^(psycopg2|python-ldap|gevent|greenlet)\b' "$dir/src/requirements.txt" >"$dir/requirements-venv.txt"
    # cbor2 5.4.2 (Python < 3.12) has no wheel; its setup.py needs pkg_resources.
    echo 'setuptools<70' >"$dir/build-constraints.txt"
    PIP_CONSTRAINT="$dir/build-constraints.txt" "$dir/venv/bin/pip" install -q \
        -r "$dir/requirements-venv.txt" psycopg2-binary >&2
fi

cat >"$dir/odoo.conf" <<CONF
[options]
addons_path = $dir/src/addons,$dir/src/odoo/addons
db_host = 127.0.0.1
db_port = 5432
db_user = odoo
db_password = odoo
http_interface = 127.0.0.1
http_port = 8069
admin_passwd = admin
workers = 0
list_db = True
CONF

# closedemo: demo data. closerpush: empty company with a chart of accounts. Each with a _template.
for db in closedemo closerpush; do
    if ! db_exists "${db}_template"; then
        installed=0
        db_exists "$db" && installed=$(sql "SELECT count(*) FROM ir_module_module WHERE state = 'installed'
            AND name IN ('account', 'sale_management', 'purchase', 'stock_account')" "$db" 2>/dev/null || echo 0)
        if [ "$installed" != 4 ]; then
            say "initialising $db (about 90 s)"
            dropdb --force --if-exists "$db"
            demo=()
            [ "$db" = closerpush ] && demo=(--without-demo=all)
            "$dir/venv/bin/python" "$dir/src/odoo-bin" -c "$dir/odoo.conf" -d "$db" -i "$modules" \
                "${demo[@]}" --stop-after-init --logfile "$dir/init-$db.log"
        fi
        if [ "$(sql 'SELECT count(*) FROM account_account' "$db")" = 0 ]; then
            say "loading the generic chart of accounts into $db"
            echo "env['account.chart.template'].try_loading('generic_coa', env.company, install_demo=False); env.cr.commit()" |
                odoo_shell -d "$db" --logfile "$dir/init-$db.log"
        fi
        clone "$db" "${db}_template"
    fi
    # Hidden from Odoo (and its cron), so the template never changes.
    sql "ALTER DATABASE ${db}_template ALLOW_CONNECTIONS false"
done

if ! answering; then
    say "starting Odoo (log: $dir/odoo.log)"
    (cd "$dir" && nohup "$dir/venv/bin/python" "$dir/src/odoo-bin" -c "$dir/odoo.conf" >>"$dir/odoo.log" 2>&1 </dev/null &
        echo $! >"$dir/odoo.pid")
    for _ in $(seq 90); do answering && break; sleep 1; done
    answering || { say "Odoo did not answer on $url; see $dir/odoo.log"; exit 1; }
fi
say "Odoo 18 is serving $url (databases closedemo, closerpush)"
cat <<ENV
export CLOSER_TEST_ODOO_URL=$url
export CLOSER_TEST_ODOO_DB=closedemo
export CLOSER_TEST_ODOO_USER=admin
export CLOSER_TEST_ODOO_PASSWORD=admin
ENV
