#!/usr/bin/env bash
# The tests that open a store, again on PostgreSQL: with CLOSER_TEST_STORE_URL set, every throwaway store
# (AppDatabase.inMemory()) and every store a test names (TestStore.location: the `closer` binary's, the workers', the
# fixtures') is a schema of its own on the server CLOSER_TEST_POSTGRES_URL names. Run after `swift test` has built the
# tests. The other targets never open a store, so their run on SQLite says all there is.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${CLOSER_TEST_POSTGRES_URL:?set CLOSER_TEST_POSTGRES_URL (e.g. postgres://closer:closer@127.0.0.1:5432/closer_test; .ci/run does)}"
export CLOSER_TEST_STORE_URL="$CLOSER_TEST_POSTGRES_URL"
stores="CloseStoreTests|WorkflowTests|CloseServerTests|CloserCLITests|FirmWorkTests|CloseDemoTests"
# Suites whose HTTP client or browser waits on the cooperative pool while other tests' synchronous store calls, each
# waiting on PostgreSQL, hold both of its threads: on two cores they time out in the parallel run, so they run alone.
alone="PaymentsOdooAPITests|ExpensesDutiesAPITests|DashboardPaymentsTests|ReminderSendingAPITests|DashboardBrowserTests|FirmConsoleBrowserTests"

# Stores a test names outlive it (a killed run leaves its throwaway schemas too): drop them before and after.
drop_test_schemas() {
    local schema
    for schema in $(psql "$CLOSER_TEST_POSTGRES_URL" -qtA -c "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'closer\_t\_%'"); do
        # One transaction each: a schema's tables take a lock apiece, more than one transaction may hold.
        PGOPTIONS='-c client_min_messages=warning' psql "$CLOSER_TEST_POSTGRES_URL" -qtA -v ON_ERROR_STOP=1 -c "DROP SCHEMA \"$schema\" CASCADE"
    done
}
drop_test_schemas
trap drop_test_schemas EXIT
swift test --skip-build --filter "$stores" --skip "$alone"
swift test --skip-build --no-parallel --filter "$alone"
