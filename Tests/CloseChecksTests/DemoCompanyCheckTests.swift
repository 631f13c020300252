@testable import CloseChecks
import DemoCompany
import Testing
import Ledger

/// Recall and precision of the deterministic checks against the demo company's planted problems.
@Suite struct DemoCompanyCheckTests {
    static let book = DemoCompany.generate()

    /// Planted kinds the deterministic checks must find exactly. The ground truth names each problem by
    /// the same granularity the finding uses: moves (account.move) for entry-level checks, lines
    /// (account.move.line) for line-level ones, statement lines, journals and accounts; so the id sets
    /// compare directly. For sequence-gap the truth names the entry after the gap, as does the finding.
    static let deterministicKinds = [
        "draft-in-period", "posted-after-lock", "unbalanced-entry", "line-debit-and-credit", "missing-partner-on-receivable-payable",
        "missing-analytic", "analytic-not-100", "tax-journal-mismatch", "journal-without-entries", "unreconciled-statement-line",
        "suspense-not-zero", "sequence-gap", "sequence-duplicate", "future-dated-entry", "late-posting",
    ]

    @Test func everyPlantedKindHasACheck() {
        let ids = Set(CheckRegistry.all.map(\.id))
        #expect(ids.count == CheckRegistry.all.count, "check ids must be unique")
        for kind in Self.deterministicKinds {
            #expect(ids.contains(kind))
            #expect(GroundTruth.plantedKinds.contains(kind))
        }
    }

    @Test(arguments: deterministicKinds)
    func findsExactlyThePlantedProblems(kind: String) throws {
        let truth = Self.book.groundTruth
        let context = CheckContext(snapshot: Self.book.snapshot, period: truth.period, asOf: truth.asOf)
        let check = try #require(CheckRegistry.check(id: kind))
        let findings = check.run(context)
        let noise = Set(truth.noiseRecords(of: kind).map { RecordKey(model: $0.model, id: $0.id) })   // rightly flagged, folded by triage
        let found = Set(findings.flatMap(\.records).map { RecordKey(model: $0.model, id: $0.id) }).subtracting(noise)
        let planted = Set(truth.problems(of: kind).flatMap(\.records).map { RecordKey(model: $0.model, id: $0.id) })
        #expect(!planted.isEmpty, "the demo company plants \(kind)")
        let missed = planted.subtracting(found), extra = found.subtracting(planted)
        #expect(missed.isEmpty, "\(kind): missed \(missed.sorted()) — recall \(found.intersection(planted).count)/\(planted.count)")
        #expect(extra.isEmpty, "\(kind): false positives \(extra.sorted()) — \(findings.filter { $0.records.contains { extra.contains(RecordKey(model: $0.model, id: $0.id)) } }.map(\.message))")
        print("[recall] \(kind): \(found.intersection(planted).count)/\(planted.count) found, \(extra.count) false positives, \(findings.count) findings")
    }

    @Test func registryRunIsSortedAndAdvisoryClearingIsReported() {
        let truth = Self.book.groundTruth
        let context = CheckContext(snapshot: Self.book.snapshot, period: truth.period, asOf: truth.asOf)
        let findings = CheckRegistry.run(context)
        #expect(findings.map(\.severity) == findings.map(\.severity).sorted())
        #expect(findings.allSatisfy { $0.period == truth.period && !$0.message.isEmpty && !$0.records.isEmpty })
        print("[registry] \(findings.count) findings: " + Dictionary(grouping: findings, by: \.checkID).map { "\($0.key)=\($0.value.count)" }.sorted().joined(separator: " "))
    }
}

struct RecordKey: Hashable, Comparable, CustomStringConvertible {
    var model: String
    var id: Int
    static func < (lhs: RecordKey, rhs: RecordKey) -> Bool { (lhs.model, lhs.id) < (rhs.model, rhs.id) }
    var description: String { "\(model)#\(id)" }
}
