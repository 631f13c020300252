#!/usr/bin/env bash
# The store's tests again on PostgreSQL: every throwaway store (AppDatabase.inMemory()) in a schema of its own on the
# server CLOSER_TEST_POSTGRES_URL names, dropped with the store. Run after `swift test` has built the tests. Only the
# targets whose tests make such stores run again; tests that give a store a file path (the `closer` binary's, the
# workers') stay on SQLite.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${CLOSER_TEST_POSTGRES_URL:?set CLOSER_TEST_POSTGRES_URL (e.g. postgres://closer:closer@127.0.0.1:5432/closer_test; .ci/run does)}"
export CLOSER_TEST_STORE_URL="$CLOSER_TEST_POSTGRES_URL"
stores="CloseStoreTests|WorkflowTests|CloseServerTests"
# Suites whose HTTP client waits on the cooperative pool while other tests' synchronous store calls, each waiting on
# PostgreSQL, hold both of its threads: on two cores their requests time out in the parallel run, so they run alone.
alone="PaymentsOdooAPITests|ExpensesDutiesAPITests|DashboardPaymentsTests"
swift test --skip-build --filter "$stores" --skip "$alone"
swift test --skip-build --no-parallel --filter "$alone"
