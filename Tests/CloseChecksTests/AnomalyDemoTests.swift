@testable import CloseChecks
import DemoCompany
import Testing
import Ledger

/// Precision and recall of the anomaly detectors against the demo company's planted anomalies.
@Suite struct AnomalyDemoTests {
    static let book = DemoCompany.generate()
    static let kinds = AnomalyRegistry.all.map(\.id)

    @Test func registryIdsAreUniqueAndPlanted() {
        #expect(Set(Self.kinds).count == Self.kinds.count)
        for kind in Self.kinds { #expect(GroundTruth.plantedKinds.contains(kind), "\(kind) is not a planted kind") }
    }

    @Test(arguments: kinds)
    func precisionAndRecall(kind: String) throws {
        let truth = Self.book.groundTruth
        let context = CheckContext(snapshot: Self.book.snapshot, period: truth.period, asOf: truth.asOf)
        let detector = try #require(AnomalyRegistry.detector(id: kind))
        let findings = detector.run(context, AnomalyThresholds())
        let alsoPlanted = Set(truth.linesAlsoOfKind(kind, in: Self.book.snapshot).map { RecordKey(model: "account.move.line", id: $0) })
            .union(truth.noiseRecords(of: kind).map { RecordKey(model: $0.model, id: $0.id) })
        let found = Set(findings.flatMap(\.records).map { RecordKey(model: $0.model, id: $0.id) }).subtracting(alsoPlanted)
        let planted = Set(truth.problems(of: kind).flatMap(\.records).map { RecordKey(model: $0.model, id: $0.id) })
        #expect(!planted.isEmpty)
        let hits = found.intersection(planted).count
        let precision = found.isEmpty ? 0 : Double(hits) / Double(found.count)
        let recall = planted.isEmpty ? 0 : Double(hits) / Double(planted.count)
        print("[anomaly] \(kind): precision \(AnomalyMath.format(precision, decimals: 2)) recall \(AnomalyMath.format(recall, decimals: 2)) "
              + "(\(hits) of \(planted.count) planted, \(found.count) flagged)")
        let extra = found.subtracting(planted), missed = planted.subtracting(found)
        #expect(precision >= 0.9, "\(kind): false positives \(extra.sorted()) — \(findings.filter { $0.records.contains { extra.contains(RecordKey(model: $0.model, id: $0.id)) } }.map { $0.message + " | " + ($0.evidence["reason"] ?? "") })")
        #expect(recall >= 0.9, "\(kind): missed \(missed.sorted()) — \(truth.problems(of: kind).map(\.detail))")
        for finding in findings {
            #expect(finding.severity == .warning || finding.severity == .advisory)
            #expect(!finding.records.isEmpty && !finding.message.isEmpty)
            let score = try #require(Double(finding.evidence["score"] ?? ""))
            #expect((0...1).contains(score) && finding.evidence["score"]!.split(separator: ".").last?.count == 2)
            #expect(!(finding.evidence["reason"] ?? "").isEmpty)
        }
        if kind == "missing-recurring-bill" {
            for problem in truth.problems(of: kind) {
                let finding = findings.first { $0.records.contains { $0.id == problem.records[0].id } }
                #expect(finding?.evidence["expected"] == problem.expectedAmount?.description, "\(problem.detail)")
            }
        }
    }

    @Test func registryRunIsSorted() {
        let truth = Self.book.groundTruth
        let context = CheckContext(snapshot: Self.book.snapshot, period: truth.period, asOf: truth.asOf)
        let findings = AnomalyRegistry.run(context)
        #expect(findings.allSatisfy { $0.period == truth.period })
        for finding in findings.prefix(40) { print("[anomaly-finding] \(finding.checkID): \(finding.message) | \(finding.evidence["reason"] ?? "")") }
    }
}
