@testable import CloseSettings
import Foundation
import Receivables
import Testing
import Treasury

/// The rule set's `receivables` and `treasury` sections: the built-in values are the types' defaults, a file
/// changes what it names, and a bad value names its key and what to write.
@Suite struct FinanceOperationsRuleSetTests {
    func parse(_ yaml: String) throws -> RuleSet {
        try RuleSet(origin: "rules.yaml", bytes: Data("schema_version: 1\n\(yaml)".utf8))
    }

    func failure(_ yaml: String) -> String {
        do { _ = try parse(yaml); return "parsed" } catch { return String(describing: error) }
    }

    @Test func theBuiltInValuesAreTheDefaultsAndAFileChangesWhatItNames() throws {
        #expect(RuleSet.builtIn.treasury == TreasuryRules())
        #expect(RuleSet.builtIn.receivables.reminders.levels.map(\.daysOverdue) == [7, 21, 45])
        let rules = try parse("treasury:\n  cool_off_days: 10\nreceivables:\n  model:\n    grace_days: 3\n  promises:\n    grace_days: 0\n")
        #expect(rules.treasury.coolOffDays == 10 && rules.treasury.duplicateWindowDays == TreasuryRules().duplicateWindowDays)
        #expect(rules.receivables.model.graceDays == 3 && rules.receivables.promises.graceDays == 0)
    }

    @Test func aBadValueNamesItsKey() {
        #expect(failure("treasury:\n  cool_off_days: -1\n").contains("treasury.cool_off_days"))
        #expect(failure("treasury:\n  minimum_discount_annual_rate: ten\n").contains("must be a number"))
        #expect(failure("treasury:\n  cooloff: 3\n").contains("treasury.cooloff"))
        #expect(failure("receivables:\n  reminders:\n    levels:\n      - {days_overdue: 30, tone: firm, channel: email, signed_by: collector}\n"
                        + "      - {days_overdue: 10, tone: final, channel: letter, signed_by: controller}\n").contains("must be above the previous level's (30)"))
        #expect(failure("receivables:\n  reminders:\n    levels:\n      - {days_overdue: 7, tone: friendly, channel: email, signed_by: collector}\n"
                        + "      - {days_overdue: 21, tone: firm, channel: email, signed_by: collector, autonomous_send: true}\n").contains("only level 1"))
    }
}
