@testable import CloseSettings
import Foundation
import Governance
import Testing

@Suite struct ApprovalRuleSetTests {
    func parse(_ approvals: String) throws -> ApprovalPolicy {
        try RuleSet(origin: "rules.yaml", bytes: Data("schema_version: 1\napprovals:\n\(approvals)".utf8)).approvals
    }

    func failure(_ approvals: String) -> String {
        do { _ = try parse(approvals); return "parsed" } catch { return String(describing: error) }
    }

    @Test func theBuiltInPolicyIsTheCodesDefaultAndKindsReplaceIt() throws {
        #expect(RuleSet.builtIn.approvals == ApprovalPolicy())
        let policy = try parse("""
              kinds:
                bank-match:
                  - above: 0
                    roles: [approver]
            """)
        #expect(policy.standard == ApprovalPolicy().standard)
        #expect(policy.byKind == ["bank-match": [ApprovalPolicy.Tier(above: 0, roles: [.approver])]])
    }

    @Test func aBadApprovalsSectionNamesTheKey() {
        #expect(failure("  kinds:\n    accruals: []\n").contains("key 'approvals.kinds.accruals' is not a rule-set key"))
        #expect(failure("  default:\n    - above: 0\n      roles: [viewer]\n").contains("must be one of approver, controller"))
        #expect(failure("  default:\n    - above: 100\n").contains("of the first tier must be 0"))
        #expect(failure("  default:\n    - above: 0\n    - above: 0\n").contains("must be above the previous tier's"))
        #expect(failure("  default:\n    - above: 0\n      controllers: 1\n      roles: [approver]\n").contains("needs controller among the roles"))
    }
}
