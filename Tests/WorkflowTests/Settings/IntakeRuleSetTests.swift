@testable import CloseSettings
import Foundation
import Payables
import Testing

/// The rule set's `payables.intake` section: what each duplicate signal and an order-match exception lead to.
@Suite struct IntakeRuleSetTests {
    func parse(_ intake: String) throws -> IntakeRules {
        try RuleSet(origin: "rules.yaml", bytes: Data("schema_version: 1\npayables:\n  intake:\n\(intake)".utf8)).payables.intake
    }

    func failure(_ intake: String) -> String {
        do { _ = try parse(intake); return "parsed" } catch { return String(describing: error) }
    }

    @Test func theBuiltInRulesHoldStrongSignalsAndNamedActionsReplaceThem() throws {
        #expect(RuleSet.builtIn.payables.intake == IntakeRules())
        let rules = try parse("    on_duplicate:\n      reformatted-reference: warn\n    on_match_exception: second-approver\n    ap_clerk_login: ap@example.com\n")
        #expect(rules.duplicateActions[.reformattedReference] == .warn)
        #expect(rules.duplicateActions[.exactReference] == .hold, "a signal not named keeps its default")
        #expect(rules.matchExceptionAction == .secondApprover && rules.apClerkLogin == "ap@example.com")
    }

    @Test func aBadIntakeSectionNamesTheKey() {
        #expect(failure("    on_duplicate:\n      same-vendor: hold\n").contains("payables.intake.on_duplicate.same-vendor"))
        #expect(failure("    on_match_exception: block\n").contains("must be one of warn, second-approver, hold"))
        #expect(failure("    ap_clerk: x\n").contains("payables.intake.ap_clerk"))
    }
}
