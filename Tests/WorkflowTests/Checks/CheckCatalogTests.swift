import CloseChecks
@testable import CloseSettings
@testable import CloseWorkflows
import Foundation
import Testing

@Suite struct CheckCatalogTests {
    @Test func theCommittedDocsAreGeneratedFromTheRegistry() throws {
        let docs = RuleSetTests.repository.appendingPathComponent("docs/checks.md")
        let committed = try String(contentsOf: docs, encoding: .utf8)
        #expect(committed == CheckCatalog.markdown, "docs/checks.md is stale: run `closer checks docs > docs/checks.md`")
    }

    @Test func everyCheckAndDetectorIsListedOnceWithItsRuleKeys() throws {
        let entries = CheckCatalog.entries
        #expect(entries.map(\.id) == RuleSet.checkIDs)
        #expect(Set(entries.map(\.id)).count == entries.count)
        #expect(entries.allSatisfy { $0.explanation.count > 40 && $0.explanation.hasSuffix(".") })
        // Every key a catalog entry names is one the built-in rule-set file sets.
        let text = RuleSet.builtInText
        for entry in entries {
            for key in entry.ruleKeys {
                let leaf = key.split(separator: ".").last.map(String.init) ?? key
                #expect(text.contains("\(leaf):"), "\(entry.id): \(key) is not in the rule-set file")
            }
        }
        #expect(entries.first { $0.id == "missing-analytic" }?.ruleKeys == ["analytic_required_code_prefixes"])
        #expect(entries.first { $0.id == "weekend-posting" }?.ruleKeys == ["anomalies.system_user_ids"])
    }
}
