import CloseChecks
@testable import CloseSettings
import CloseStore
@testable import CloseWorkflows
import DemoCompany
import Foundation
import Ledger
import Adjustments
import Testing
import PostgresSupport

/// `closer check` reports the prepaid costs expensed at once through the check run, with the rule set's say.
@Suite struct PrepaidCheckTests {
    func ruleSet(_ text: String) throws -> RuleSet { try RuleSet(origin: "rules.yaml", bytes: Data("schema_version: 1\n\(text)".utf8)) }

    @Test func theCheckRunReportsEachPlantedBillWithItsConfidenceReasonAndSchedule() async throws {
        let book = DemoCompany.generate(DemoOptions(targetLines: 3_000))
        let truth = book.groundTruth
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("closer-prepaid-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try AppDatabase.openOrCreate(at: TestStore.location("store", in: directory))
        let key: SourceKey = "demo:prepaid"
        _ = try await PullService(store: store, actor: "test").pull(
            from: DemoLedgerSource(book: book), sourceKey: key, period: truth.period, historyMonths: 12, progress: { _, _ in })
        let service = CheckService(store: store, actor: "test")
        let report = try service.run(sourceKey: key, period: truth.period, asOf: truth.asOf)
        let findings = report.findings.filter { $0.checkID == "prepaid-expensed-at-once" }
        let planted = Set(truth.problems(of: "prepaid-expensed-at-once").flatMap(\.records).map(\.id))
        #expect(Set(findings.flatMap(\.records).map(\.id)) == planted)
        for finding in findings {
            #expect(finding.severity == .warning)
            #expect(Double(finding.evidence["confidence"] ?? "").map { (0.5...1).contains($0) } == true)
            #expect(finding.evidence["reason"]?.contains("should move to 141000 Prepaid Expenses") == true)
            #expect(finding.evidence["schedule"]?.contains("months") == true && finding.evidence["deferred"] != nil)
        }
        let disabled = try service.run(sourceKey: key, period: truth.period, asOf: truth.asOf,
                                       ruleSet: ruleSet("disabled_checks: [prepaid-expensed-at-once]\n"))
        #expect(!disabled.findings.contains { $0.checkID == "prepaid-expensed-at-once" })
        let immaterial = try service.run(sourceKey: key, period: truth.period, asOf: truth.asOf,
                                         ruleSet: ruleSet("adjustments:\n  prepaid:\n    minimum_amount: 1000000\n"))
        #expect(!immaterial.findings.contains { $0.checkID == "prepaid-expensed-at-once" })
    }

    @Test func theRulesAreReadAndABadValueNamesItsKey() throws {
        let rules = try ruleSet("adjustments:\n  prepaid:\n    minimum_amount: 500\n    run_rate_multiple: 4\n    default_months: 6\n    minimum_confidence: 0.7\n")
        #expect(rules.adjustments.prepaid == PrepaidRules(minimumAmount: 500, runRateMultiple: 4, defaultMonths: 6, minimumConfidence: 0.7))
        #expect(RuleSet.builtIn.adjustments.prepaid == PrepaidRules())
        #expect(throws: RuleSetError.self) { try ruleSet("adjustments:\n  prepaid:\n    default_months: 1\n") }
        #expect(throws: RuleSetError.self) { try ruleSet("adjustments:\n  prepaid:\n    minimum_confidence: 2\n") }
        #expect(throws: RuleSetError.self) { try ruleSet("adjustments:\n  prepaid:\n    months: 12\n") }
    }
}
