import FakeOdoo
import Testing

/// The fault matrix: every write path × every fault kind, the fault injected on each write of the path's
/// batch in turn (first run), then the same command run again with Odoo reachable (the recovery). After the
/// first run nothing may be duplicated and nothing the store calls applied may be missing; after the
/// recovery every intended write is in Odoo exactly once and the store says exactly that. Against the fake
/// Odoo always (CI); against a real Odoo 18 too when CLOSER_TEST_ODOO_URL is set.
@Suite struct FaultMatrixTests {
    @Test(arguments: WritePath.allCases, FaultKind.allCases)
    func fakeOdoo(path: WritePath, kind: FaultKind) async throws {
        let cell = try await FaultMatrix.run(path, kind) { try FakeMatrixOdoo() }
        #expect(cell.writes > 0, "a clean run of \(path) writes nothing to Odoo")
        #expect(cell.problems.isEmpty, "\(cell.problems.joined(separator: "\n"))")
    }
}

/// The same matrix against a real Odoo 18, one cell at a time (the server is shared).
@Suite(.serialized, .enabled(if: RealMatrixOdoo.enabled, "skipped: no live Odoo (CLOSER_TEST_ODOO_URL, _FAULTS_DB or _DB, _USER, _PASSWORD)"))
struct LiveFaultMatrixTests {
    @Test(arguments: WritePath.allCases, FaultKind.allCases)
    func realOdoo(path: WritePath, kind: FaultKind) async throws {
        let cell = try await FaultMatrix.run(path, kind) { try await RealMatrixOdoo() }
        #expect(cell.writes > 0, "a clean run of \(path) writes nothing to Odoo")
        #expect(cell.problems.isEmpty, "\(cell.problems.joined(separator: "\n"))")
    }
}

/// One cell's figures over every struck write.
struct FaultMatrixCell: Sendable, CustomStringConvertible {
    var backend: String
    var path: WritePath
    var kind: FaultKind
    /// Writes in a clean run; the fault struck each of them once.
    var writes = 0
    var duplicates = 0
    var losses = 0
    var storeMismatches = 0
    /// Faulted runs that ended in an error rather than a report.
    var firstRunErrors = 0
    var problems: [String] = []

    var description: String {
        "fault matrix [\(backend)] \(path) × \(kind): \(writes) writes struck, duplicates \(duplicates), losses \(losses), store mismatches \(storeMismatches), faulted runs ending in an error \(firstRunErrors)"
    }

    mutating func add(_ audit: WriteAudit, at write: Int, _ moment: String) {
        duplicates += audit.duplicates.count
        losses += audit.losses.count
        storeMismatches += audit.storeMismatches.count
        problems += audit.problems.map { "[\(kind) on write \(write), \(moment)] \($0)" }
    }
}

enum FaultMatrix {
    static func run(_ path: WritePath, _ kind: FaultKind, odoo make: @Sendable () async throws -> any MatrixOdoo) async throws -> FaultMatrixCell {
        var cell = FaultMatrixCell(backend: "", path: path, kind: kind)
        // A clean run: how many writes the batch makes, and that the path works at all.
        let clean = try await FaultBench(odoo: try await make(), kind: kind, strikeAt: nil)
        cell.backend = clean.odoo.label
        let cleanCase = try await path.start(clean)
        clean.arm()
        try await cleanCase.run(clean)
        cell.writes = clean.proxy.writesSeen.count
        cell.add(try await cleanCase.audit(clean, settled: true), at: 0, "clean run")
        guard cell.writes > 0 else { return cell }
        for write in 1...cell.writes {
            let bench = try await FaultBench(odoo: try await make(), kind: kind, strikeAt: write)
            let scenario = try await path.start(bench)
            bench.arm()
            // The faulted run may end in an error (the command says so and exits non-zero): an outcome, not a test failure.
            do { try await scenario.run(bench) } catch { cell.firstRunErrors += 1 }
            if !bench.proxy.struck { cell.problems.append("[\(kind) on write \(write)] the batch made only \(bench.proxy.writesSeen.count) writes") }
            await bench.proxy.waitUntilUp()
            cell.add(try await scenario.audit(bench, settled: false), at: write, "after the faulted run")
            try await scenario.run(bench)
            cell.add(try await scenario.audit(bench, settled: true), at: write, "after the recovery run")
        }
        print(cell)
        return cell
    }
}
