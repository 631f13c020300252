#!/usr/bin/env bash
# Runs a real Odoo Community server (18.0 or 19.0) on this machine for Closer's integration tests.
# Everything lives outside this repository; no Odoo source ever enters it. Idempotent.
#
#   scripts/odoo-dev-server.sh [start] [SNAPSHOT_GIT_DIR]   set up what is missing, start, print exports
#   scripts/odoo-dev-server.sh stop                         stop the server this script started
#   scripts/odoo-dev-server.sh reset DB                     recreate DB from DB_template
#   eval "$(scripts/odoo-dev-server.sh /path/to/odoo.git)"
#
# ODOO_VERSION: 18 (default) or 19. ODOO_PORT: 8069 for 18, 8070 for 19 by default, so both run side by
# side against one PostgreSQL. ODOO_DEV_DIR: the work dir (default $HOME/odoo$ODOO_VERSION).
# SNAPSHOT_GIT_DIR (or $ODOO_SNAPSHOT): a git dir of that Odoo version, e.g. the public snapshots
# github:KaiO277/odoo (18.0) and github:MohamedLotfy99/Odoo19-ez (19.0). Only needed while the source is
# not yet extracted. Enterprise modules (license OEEL-1 or OPL-1) a snapshot may carry are left out.
# Databases, each with a DB_template to reset from: closedemo (Odoo's demo data), closerpush (an empty
# company with a chart of accounts) and closerorders (a scratch copy of closerpush); for 19 their names
# end in 19 (closedemo19, ...) since both versions share the PostgreSQL server. On 19, closedemo19 holds an
# API key for admin (for the JSON-2 API), kept in $ODOO_DEV_DIR/api-key-closedemo19 and printed as an export.
# Progress goes to stderr, exports to stdout.
set -euo pipefail

version=${ODOO_VERSION:-18}
case "$version" in
    18) default_port=8069 suffix= ;;
    19) default_port=8070 suffix=19 ;;
    *) echo "odoo-dev: ODOO_VERSION must be 18 or 19, not '$version'" >&2; exit 2 ;;
esac
port=${ODOO_PORT:-$default_port}
dir=${ODOO_DEV_DIR:-$HOME/odoo$version}
url=http://127.0.0.1:$port
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=odoo PGPASSWORD=odoo

say() { echo "odoo-dev: $*" >&2; }
sql() { psql -d "${2:-postgres}" -qtAc "$1"; }
db_exists() { [ "$(sql "SELECT 1 FROM pg_database WHERE datname = '$1'")" = 1 ]; }
kick() { sql "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '$1' AND pid <> pg_backend_pid()" >/dev/null; }
answering() {
    curl -s -m 5 -X POST -H 'Content-Type: application/json' \
        -d '{"jsonrpc":"2.0","method":"call","params":{"service":"common","method":"version","args":[]},"id":1}' \
        "$url/jsonrpc" 2>/dev/null | grep -q "\"server_serie\": *\"$version.0\""
}
# The pid in $dir/odoo.pid if that process is still this Odoo server.
server_pid() {
    local pid
    pid=$(cat "$dir/odoo.pid" 2>/dev/null) || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "$dir/odoo.conf" && echo "$pid"
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
# Call odoo's cli once (the 18 snapshot's odoo-bin calls main() twice).
odoo_cli() { (cd "$dir/src" && "$dir/venv/bin/python" -c 'import sys, odoo.cli; sys.argv[0] = "odoo-bin"; odoo.cli.main()' "$@"); }
odoo_shell() { odoo_cli shell -c "$dir/odoo.conf" --no-http "$@"; }

case "${1:-start}" in
reset)
    db=${2:?usage: $0 reset DB}
    db_exists "${db}_template" || { say "no ${db}_template"; exit 1; }
    dropdb --force --if-exists "$db"
    clone "${db}_template" "$db"
    say "reset $db from ${db}_template"
    exit 0 ;;
stop)
    if pid=$(server_pid); then
        kill "$pid"
        for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        say "stopped Odoo $version (pid $pid)"
    else
        say "no Odoo $version started from $dir is running"
    fi
    rm -f "$dir/odoo.pid"
    exit 0 ;;
start) [ $# = 0 ] || shift ;;
-*) say "unknown command $1"; exit 2 ;;
*) ;;  # a snapshot dir: start
esac

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

# Odoo source: the odoo package, its Community addons, a launcher and requirements.txt. A git checkout has
# odoo-bin and addons/; a packaged snapshot has every addon under odoo/addons and its launcher in setup/odoo.
mkdir -p "$dir"
if [ ! -f "$dir/src/odoo-bin" ] || [ ! -d "$dir/src/odoo/addons/base" ]; then
    snapshot=${1:-${ODOO_SNAPSHOT:-}}
    [ -n "$snapshot" ] || { say "usage: $0 [start] SNAPSHOT_GIT_DIR (or set ODOO_SNAPSHOT)"; exit 2; }
    [ -d "$snapshot/repo" ] && [ ! -d "$snapshot/objects" ] && snapshot=$snapshot/repo
    git --git-dir="$snapshot" show HEAD:odoo/release.py | grep -Eq "^version_info *=.*\($version, *0," ||
        { say "$snapshot is not Odoo $version.0 (see its odoo/release.py)"; exit 2; }
    say "extracting Odoo $version from $snapshot"
    rm -rf "$dir/src" "$dir/src.tmp" && mkdir -p "$dir/src.tmp"
    paths=(odoo requirements.txt)
    for optional in odoo-bin setup/odoo addons; do
        git --git-dir="$snapshot" cat-file -e "HEAD:$optional" 2>/dev/null && paths+=("$optional")
    done
    # A snapshot may lack its largest blobs (PDFs, translations): leave those files out, and say so.
    listing=$(git --git-dir="$snapshot" ls-tree -r HEAD -- "${paths[@]}")
    for sha in $(cut -f1 <<<"$listing" | awk '{print $3}' | git --git-dir="$snapshot" cat-file --batch-check | awk '$2 == "missing" {print $1}'); do
        path=$(grep -F " $sha"$'\t' <<<"$listing" | cut -f2)
        say "leaving out $path: the snapshot lacks its content"
        paths+=(":(exclude)$path")
    done
    git --git-dir="$snapshot" archive HEAD -- "${paths[@]}" 2>/dev/null | tar -x -C "$dir/src.tmp"
    [ -f "$dir/src.tmp/odoo-bin" ] || mv "$dir/src.tmp/setup/odoo" "$dir/src.tmp/odoo-bin"
    for manifest in "$dir"/src.tmp/addons/*/__manifest__.py "$dir"/src.tmp/odoo/addons/*/__manifest__.py; do
        grep -Eq "[\"']license[\"']: *[\"'](OEEL|OPL)-1" "$manifest" 2>/dev/null && rm -rf "$(dirname "$manifest")"
    done
    git --git-dir="$snapshot" rev-parse HEAD >"$dir/src.tmp/SNAPSHOT_COMMIT"
    mv "$dir/src.tmp" "$dir/src"
fi
addons_path=$dir/src/odoo/addons
[ -d "$dir/src/addons" ] && addons_path=$dir/src/addons,$addons_path
modules=account,sale_management,purchase,stock_account,base_automation
if [ -d "$dir/src/addons/hr_expense" ] || [ -d "$dir/src/odoo/addons/hr_expense" ]; then modules=$modules,hr_expense; fi

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
addons_path = $addons_path
db_host = 127.0.0.1
db_port = 5432
db_user = odoo
db_password = odoo
http_interface = 127.0.0.1
http_port = $port
admin_passwd = admin
workers = 0
list_db = True
CONF

# DB_template, a copy of SOURCE (default DB), hidden from Odoo (and its cron) so it never changes.
freeze() {
    db_exists "${1}_template" || clone "${2:-$1}" "${1}_template"
    sql "ALTER DATABASE ${1}_template ALLOW_CONNECTIONS false"
}
for db in "closedemo$suffix" "closerpush$suffix"; do
    if ! db_exists "${db}_template"; then
        wanted=$(tr ',' '\n' <<<"$modules" | wc -l)
        installed=0
        db_exists "$db" && installed=$(sql "SELECT count(*) FROM ir_module_module WHERE state = 'installed'
            AND name IN ('$(sed "s/,/','/g" <<<"$modules")')" "$db" 2>/dev/null || echo 0)
        if [ "$installed" != "$wanted" ]; then
            say "initialising $db with $modules (a few minutes)"
            dropdb --force --if-exists "$db"
            demo=()
            # Odoo 18 loads demo data unless told not to; 19 only when asked.
            case "$db:$version" in
                closerpush*:18) demo=(--without-demo=all) ;;
                closedemo*:19) demo=(--with-demo) ;;
            esac
            "$dir/venv/bin/python" "$dir/src/odoo-bin" -c "$dir/odoo.conf" -d "$db" -i "$modules" \
                "${demo[@]}" --stop-after-init --logfile "$dir/init-$db.log"
        fi
        # Modules of a left-out Enterprise addon stay "to install", which makes 19 reload its registry on every request.
        sql "UPDATE ir_module_module SET state = 'uninstalled' WHERE state = 'to install'" "$db"
        if [ "$(sql 'SELECT count(*) FROM account_account' "$db")" = 0 ]; then
            say "loading the generic chart of accounts into $db"
            echo "env['account.chart.template'].try_loading('generic_coa', env.company, install_demo=False); env.cr.commit()" |
                odoo_shell -d "$db" --logfile "$dir/init-$db.log"
        fi
        # Odoo 19's JSON-2 API takes an API key only: one for admin, made before the template so resets keep it.
        if [ "$version" != 18 ] && [ "$db" = "closedemo$suffix" ]; then
            say "creating an API key for admin in $db ($dir/api-key-$db)"
            (umask 077; echo "print('KEY=' + env['res.users.apikeys'].with_user(env.ref('base.user_admin'))._generate(None, 'closer tests', None)); env.cr.commit()" |
                odoo_shell -d "$db" --logfile "$dir/init-$db.log" | sed -n 's/^KEY=//p' >"$dir/api-key-$db")
        fi
    fi
    freeze "$db"
done
# closerorders: where LiveOrderLineTests create orders, a copy of the empty company.
freeze "closerorders$suffix" "closerpush${suffix}_template"
db_exists "closerorders$suffix" || clone "closerorders${suffix}_template" "closerorders$suffix"

if ! answering; then
    server_pid >/dev/null && { say "Odoo $version (pid $(server_pid)) is not answering on $url; see $dir/odoo.log"; exit 1; }
    say "starting Odoo $version (log: $dir/odoo.log)"
    # Its own session, so it outlives the shell that started it; the pid is Odoo's own.
    (cd "$dir" || exit 1
     setsid "$dir/venv/bin/python" "$dir/src/odoo-bin" -c "$dir/odoo.conf" >>"$dir/odoo.log" 2>&1 </dev/null &
     echo $! >"$dir/odoo.pid")
    for _ in $(seq 90); do answering && break; sleep 1; done
    answering || { say "Odoo did not answer on $url; see $dir/odoo.log"; exit 1; }
fi
say "Odoo $version is serving $url (databases closedemo$suffix, closerpush$suffix, closerorders$suffix)"
cat <<ENV
export CLOSER_TEST_ODOO_URL=$url
export CLOSER_TEST_ODOO_DB=closedemo$suffix
export CLOSER_TEST_ODOO_USER=admin
export CLOSER_TEST_ODOO_PASSWORD=admin
export CLOSER_TEST_ODOO_ORDERS_DB=closerorders$suffix
export CLOSER_TEST_ODOO_PUSH_DB=closerpush$suffix
ENV
[ -s "$dir/api-key-closedemo$suffix" ] && echo "export CLOSER_TEST_ODOO_API_KEY=$(cat "$dir/api-key-closedemo$suffix")"
exit 0
