import BankMatching
import CloseChecks
@testable import CloseSettings
import CloseStore
@testable import CloseWorkflows
import DemoCompany
import Foundation
import Testing
import Ledger
import Governance
import Adjustments
import PostgresSupport

@Suite struct RuleSetTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../..").standardized

    func parse(_ text: String, path: String = "rules.yaml") throws -> RuleSet { try RuleSet(origin: path, bytes: Data(text.utf8)) }

    /// The error `text` gives: file, line and key.
    func failure(_ text: String) -> RuleSetError? {
        do { _ = try parse(text); return nil } catch let error as RuleSetError { return error } catch { return nil }
    }

    @Test func aValidFileParsesAndHashes() throws {
        let text = """
            schema_version: 1
            analytic_required_code_prefixes: ["6", "7"]
            suspense_account_codes: [101404, "101405"]
            clearing_account_codes: []
            late_posting_grace_days: 3
            disabled_checks:
              - clearing-not-zero
              - subledger-control-mismatch
            """
        let ruleSet = try parse(text)
        #expect(ruleSet.schemaVersion == 1)
        #expect(ruleSet.rules == CheckRules(analyticRequiredCodePrefixes: ["6", "7"], suspenseAccountCodes: ["101404", "101405"],
                                            clearingAccountCodes: [], latePostingGraceDays: 3))
        #expect(ruleSet.disabledChecks == ["clearing-not-zero", "subledger-control-mismatch"])
        #expect(ruleSet.checks.count == CheckRegistry.all.count - 2)
        // SHA-256 of the bytes, checked against the shell's sha256sum on the same bytes.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("closer-rules-\(UUID()).yaml")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let loaded = try RuleSet.load(path: file.path)
        #expect(loaded.sha256 == ruleSet.sha256 && loaded.origin == file.path && loaded.sha256.count == 64)
        #expect(try parse(text + "\n").sha256 != ruleSet.sha256, "any byte changes the hash")
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        shell.arguments = ["sha256sum", file.path]
        let pipe = Pipe()
        shell.standardOutput = pipe
        if (try? shell.run()) != nil {
            shell.waitUntilExit()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(output.hasPrefix(ruleSet.sha256))
        }
    }

    @Test func theCommittedExampleIsTheBuiltInDefaults() throws {
        let example = try RuleSet.load(path: Self.repository.appendingPathComponent("rules/closer-rules.yaml").path)
        #expect(example.rules == CheckRules() && example.anomalyThresholds == AnomalyThresholds() && example.flux == FluxThresholds())
        #expect(example.disabledChecks.isEmpty && example.schemaVersion == 1)
        #expect(example.sha256 == RuleSet.builtIn.sha256)
        #expect(RuleSet.builtIn.rules == CheckRules() && RuleSet.builtIn.origin == "built-in")
    }

    @Test func eachMalformedKindNamesFileLineAndKey() {
        let cases: [(text: String, line: Int?, key: String?, says: String)] = [
            ("schema_version: 1\nsuspense_account_codes: [101404\n", nil, nil, "not valid YAML"),
            ("schema_version: 1\nlate_posting_grace_day: 2\n", 2, "late_posting_grace_day", "not a rule-set key"),
            ("schema_version: 1\n\nlate_posting_grace_days: soon\n", 3, "late_posting_grace_days", "whole number"),
            ("schema_version: 1\nsuspense_account_codes: 101404\n", 2, "suspense_account_codes", "must be a list"),
            ("schema_version: 1\nclearing_account_codes:\n  - a: b\n", 3, "clearing_account_codes", "single non-empty values"),
            ("schema_version: 1\ndisabled_checks:\n  - late-posting\n  - no-such-check\n", 4, "disabled_checks", "'no-such-check' is not a check or detector id"),
            ("schema_version: 1\nanomalies:\n  unusual-amount:\n    min_robust_z: high\n", 4, "anomalies.unusual-amount.min_robust_z", "must be a number"),
            ("schema_version: 1\nanomalies:\n  unusual-amount:\n    min_robust: 3\n", 4, "anomalies.unusual-amount.min_robust", "not a rule-set key"),
            ("schema_version: 1\nanomalies:\n  no-such-detector: {}\n", 3, "anomalies.no-such-detector", "not a rule-set key"),
            ("schema_version: 1\nanomalies:\n  duplicate-vendor-bill:\n    one_field_retyped: maybe\n", 4, "anomalies.duplicate-vendor-bill.one_field_retyped", "true or false"),
            ("schema_version: 1\nanomalies:\n  round-amount-manual-entry:\n    unit: 0\n", 4, "anomalies.round-amount-manual-entry.unit", "at least 1"),
            ("schema_version: 1\nanomalies:\n  system_user_ids: [admin]\n", 3, "anomalies.system_user_ids", "Odoo user ids"),
            ("schema_version: 1\nflux:\n  accounts: income\n", 3, "flux.accounts", "all, profit-and-loss, balance-sheet"),
            ("schema_version: 1\nflux: 5000\n", 2, "flux", "must be a mapping"),
            ("schema_version: 1\nreconciliation:\n  auto_threshold: 1.5\n", 3, "reconciliation.auto_threshold", "between 0 and 1"),
            ("schema_version: 1\nreconciliation:\n  auto_threshold: 0.4\n", 3, "reconciliation.review_threshold", "must not be above auto_threshold"),
            ("late_posting_grace_days: 1\n", 1, "schema_version", "is missing"),
            ("", 1, "schema_version", "is missing"),
            ("# rules\nschema_version: 2\n", 2, "schema_version", "2 is not supported"),
            ("schema_version: 1\nlate_posting_grace_days: -1\n", 2, "late_posting_grace_days", "negative"),
        ]
        for (text, line, key, says) in cases {
            guard let error = failure(text) else { Issue.record("no error for \(text.debugDescription)"); continue }
            #expect(error.path == "rules.yaml")
            if let line { #expect(error.line == line, "\(error)") } else { #expect(error.line != nil, "\(error)") }
            #expect(error.key == key, "\(error)")
            #expect(error.description.contains(says), "\(error)")
            #expect(error.description.hasPrefix("rules.yaml:\(error.line ?? -1): "), "\(error)")
            if let key { #expect(error.description.contains("'\(key)'"), "\(error)") }
        }
    }

    @Test func thresholdsAndDetectorsComeFromTheFile() throws {
        let ruleSet = try parse("""
            schema_version: 1
            disabled_checks: [weekend-posting, sequence-gap]
            anomalies:
              system_user_ids: [1, 7]
              unusual-amount: {min_robust_z: 5.5, min_history_lines: 12}
              duplicate-vendor-bill:
                one_field_retyped: false
            flux:
              absolute_amount: 250
              relative_percent: 5
              accounts: profit-and-loss
            """)
        var expected = AnomalyThresholds()
        expected.systemUserIDs = [1, 7]
        expected.unusualMinRobustZ = 5.5
        expected.unusualMinHistoryLines = 12
        expected.duplicateOneFieldRetyped = false
        #expect(ruleSet.anomalyThresholds == expected)
        #expect(ruleSet.flux == FluxThresholds(absolute: 250, relativePercent: 5, scope: .profitAndLoss))
        #expect(!ruleSet.detectors.contains { $0.id == "weekend-posting" } && ruleSet.detectors.count == AnomalyRegistry.all.count - 1)
        #expect(!ruleSet.checks.contains { $0.id == "sequence-gap" } && ruleSet.checks.count == CheckRegistry.all.count - 1)
        // Every detector with thresholds has a section, and the built-in file states every default.
        #expect(RuleSet.builtIn.anomalyThresholds == AnomalyThresholds() && RuleSet.builtIn.flux == FluxThresholds())
        #expect(RuleSet.builtIn.matching == MatchRules())
        #expect(try parse("schema_version: 1\nreconciliation: {auto_threshold: 0.995, fee_account_code: \"627100\"}\n").matching.feeAccountCode == "627100")
        for (id, fields) in RuleSet.thresholdFields {
            #expect(AnomalyRegistry.detector(id: id) != nil, "\(id)")
            for field in fields { #expect(RuleSet.builtInText.contains("    \(field.key): "), "\(id).\(field.key) is not in the built-in file") }
        }
    }

    @Test func theAdjustmentAndLockSectionsComeFromTheFile() throws {
        let rules = try parse("""
            schema_version: 1
            adjustments:
              post_kinds: [deferral-release]
              autonomous: {accrual: 0.97}
            lock:
              fields: [fiscal_year, tax]
            """)
        #expect(rules.adjustments.postKinds == [.deferralRelease] && rules.adjustments.autonomous == [.accrual: 0.97])
        #expect(rules.lock.fields == [.fiscalYear, .tax] && !rules.lock.allowHardLock)
        #expect(throws: RuleSetError.self) { try parse("schema_version: 1\nadjustments:\n  autonomous: {payroll: 0.9}\n") }
        #expect(throws: RuleSetError.self) { try parse("schema_version: 1\nadjustments:\n  autonomous: {accrual: 1.5}\n") }
        #expect(throws: RuleSetError.self) { try parse("schema_version: 1\nlock:\n  fields: [yearly]\n") }
    }

    @Test func aMissingFileIsAnError() {
        #expect(throws: RuleSetError.self) { try RuleSet.load(path: "/nonexistent/closer-rules.yaml") }
        #expect(throws: RuleSetError.self) { try RuleSet.resolve(explicit: "/nonexistent/closer-rules.yaml") }
    }

    @Test func aCheckRunRecordsTheRuleSet() async throws {
        let book = DemoCompany.generate(DemoOptions(targetLines: 3_000))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("closer-ruleset-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let storePath = TestStore.location("store", in: directory)
        let store = try AppDatabase.openOrCreate(at: storePath)
        let key: SourceKey = "demo:test"
        _ = try await PullService(store: store, actor: "test").pull(
            from: DemoLedgerSource(book: book), sourceKey: key, period: book.groundTruth.period, historyMonths: 12, progress: { _, _ in })
        let ruleSet = try parse("schema_version: 1\ndisabled_checks: [draft-in-period]\n", path: "custom.yaml")
        let service = CheckService(store: store, actor: "test")
        let report = try service.run(sourceKey: key, period: book.groundTruth.period, asOf: book.groundTruth.asOf, ruleSet: ruleSet)
        #expect(report.ruleSetVersion == 1 && report.ruleSetHash == ruleSet.sha256)
        #expect(!report.findings.contains { $0.checkID == "draft-in-period" })
        // The run's summary in the store names the rule set, for whoever reads the store by hand.
        let summary = try TestStore.byHand(storePath, sqlite: "SELECT summary FROM run WHERE id = \(report.runID)")
        #expect(summary.contains(ruleSet.sha256) && summary.contains("ruleSetVersion") && summary.contains("custom.yaml"), "\(summary)")
        let defaults = try service.run(sourceKey: key, period: book.groundTruth.period, asOf: book.groundTruth.asOf)
        #expect(defaults.ruleSetHash == RuleSet.builtIn.sha256)
        #expect(defaults.findings.contains { $0.checkID == "draft-in-period" })
        let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        #expect(json.contains("\"ruleSetHash\":\"\(ruleSet.sha256)\"") && json.contains("\"ruleSetVersion\":1"))
    }
}
