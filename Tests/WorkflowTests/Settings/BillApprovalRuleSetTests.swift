@testable import CloseSettings
import Foundation
import Payables
import Testing

/// The rule set's `payables.approval` section: the built-in text is the code's defaults, a file overrides
/// what it names, `off` turns a rule off, and a bad key or value names itself.
@Suite struct BillApprovalRuleSetTests {
    func parse(_ approval: String) throws -> BillApprovalRules {
        try RuleSet(origin: "rules.yaml", bytes: Data("schema_version: 1\npayables:\n  approval:\n\(approval)".utf8)).payables.approval
    }

    func failure(_ approval: String) -> String {
        do { _ = try parse(approval); return "parsed" } catch { return String(describing: error) }
    }

    @Test func theBuiltInSectionIsTheCodesDefaultAndAFileOverridesWhatItNames() throws {
        #expect(RuleSet.builtIn.payables.approval == BillApprovalRules())
        let rules = try parse("""
                amounts:
                  - at_least: 500.50
                    roles: [approver]
                new_vendor: off
                bank_change: {days: 7, roles: [controller, approver]}
                analytic_accounts: {CC-MKT: [approver], "200": [controller]}
                anomaly: {score: 0.9, roles: [controller]}
            """)
        #expect(rules.amountLevels == [BillApprovalRules.AmountLevel(atLeast: Decimal(string: "500.50")!, roles: ["approver"])])
        #expect(rules.newVendor == nil && rules.bankChange == BillApprovalRules.Trigger(limit: 7, roles: ["controller", "approver"]))
        #expect(rules.analyticAccounts == ["CC-MKT": ["approver"], "200": ["controller"]])
        #expect(rules.anomalyScore == BillApprovalRules.Trigger(limit: 0.9, roles: ["controller"]))
        #expect(rules.duplicateScore == BillApprovalRules().duplicateScore, "a rule the file leaves out keeps its default")
    }

    @Test func aBadApprovalSectionNamesTheKey() {
        #expect(failure("    amount: []\n").contains("'payables.approval.amount' is not a rule-set key"))
        #expect(failure("    amounts:\n      - at_least: 10\n        roles: [viewer]\n").contains("must be one of approver, controller"))
        #expect(failure("    amounts:\n      - at_least: 10\n        roles: [approver]\n      - at_least: 5\n        roles: [controller]\n")
                .contains("must be above the previous threshold"))
        #expect(failure("    amounts:\n      - roles: [approver]\n").contains("needs at_least"))
        #expect(failure("    new_vendor: {days: 30}\n").contains("needs days and roles"))
        #expect(failure("    duplicate: {score: 1.5, roles: [approver]}\n").contains("must be between 0 and 1"))
        #expect(failure("    analytic_accounts: {CC-1: []}\n").contains("must name at least one role"))
    }
}
