import Foundation

// closer-bench: release-mode benchmarks, separate from the tests.
//   swift run -c release closer-bench [codec|demo|checks|match|match-oca|payables|receivables|treasury|queue|all]
//   swift run -c release closer-bench odoo-sim --tenants 200 --lines 20000 --port 8169   (serves until interrupted)
// Figures go into the README's performance section, with this command.

let which = CommandLine.arguments.dropFirst().first ?? "all"
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

if which == "odoo-sim" { try OdooSimCommand.run(Array(CommandLine.arguments.dropFirst(2))) }

#if DEBUG
print("warning: a debug build; benchmark figures are only meaningful with -c release")
#endif

if which == "codec" || which == "all" {
    print("== Odoo wire decoding (one core)")
    _ = try CodecBenchmark.run(transcripts: repository.appendingPathComponent("Tests/OdooRPCTests/Fixtures/transcripts"),
                               pythonScript: repository.appendingPathComponent("scripts/bench_python_xmlrpc.py"))
}

if which == "demo" || which == "all" {
    print("== Demo company generation (one core)")
    DemoBenchmark.run()
}

if which == "checks" || which == "all" {
    print("== Close-readiness checks over the demo company (one core)")
    // `closer-bench checks 10000000` runs one size only.
    let sizes = CommandLine.arguments.dropFirst(2).compactMap { Int($0) }
    if sizes.isEmpty { CheckBenchmark.run() } else { CheckBenchmark.run(targets: sizes) }
}

if which == "match" || which == "all" {
    print("== Bank matching (one core)")
    // `closer-bench match 100000` runs one size only.
    let sizes = CommandLine.arguments.dropFirst(2).compactMap { Int($0) }
    if sizes.isEmpty { MatchBenchmark.run() } else { MatchBenchmark.run(sizes: sizes) }
}

// Not in `all`: it needs the Odoo 18 of scripts/odoo-dev-server.sh (and PyPI once, for OCA's module).
if which == "match-oca" {
    print("== Bank matching against OCA's rule-based matcher in Odoo 18, same ledger, same run")
    let size = CommandLine.arguments.dropFirst(2).compactMap { Int($0) }.first ?? 1_000
    try OCAMatcherPeer.run(size: size, script: repository.appendingPathComponent("scripts/bench-oca-matcher.sh"))
}

if which == "payables" || which == "all" {
    print("== Payables: duplicate-bill search and purchase-order match (one core)")
    PayablesBenchmark.run()
}

if which == "receivables" || which == "all" {
    print("== Receivables: ranking the collections worklist (one core)")
    ReceivablesBenchmark.run()
}

if which == "treasury" || which == "all" {
    print("== Treasury: a payment run's pre-flight checks (one core)")
    TreasuryBenchmark.run()
}

// Not in `all`: it needs a PostgreSQL server.
if which == "queue" {
    print("== Job queue on PostgreSQL: 10,000 no-op jobs of 200 tenants drained by 1, 2 and 4 workers")
    try await QueueBenchmark.run()
}
