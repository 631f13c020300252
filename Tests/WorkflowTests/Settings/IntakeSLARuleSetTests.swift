import CloseSettings
import Foundation
import Payables
import Testing

/// `payables.intake.sla_days`: read when given, the default otherwise, and a day count that is no day refused with its key.
@Suite struct IntakeSLARuleSetTests {
    func intake(_ yaml: String) throws -> IntakeRules {
        try RuleSet(origin: "rules.yaml", bytes: Data("schema_version: 1\npayables:\n  intake:\n\(yaml)".utf8)).payables.intake
    }

    @Test func theSLAIsReadDefaultedAndBounded() throws {
        #expect(try intake("    sla_days: 2\n").slaDays == 2)
        #expect(try intake("    ap_clerk_login: ap\n").slaDays == IntakeRules.defaultSLADays)
        #expect(RuleSet.builtIn.payables.intake.slaDays == IntakeRules.defaultSLADays)
        #expect(throws: RuleSetError.self) { try intake("    sla_days: 0\n") }
        #expect(IntakeRules(apClerkLogin: "ap").owner(preparerLogin: "paula") == "ap" && IntakeRules().owner(preparerLogin: "paula") == "paula")
    }
}
