import Foundation
@testable import Narratives
import Testing
@testable import CloseWorkflows
import CloseChecks

@Suite struct NarrativeAnswerCheckTests {
    var payables: NarrativePrompt {
        let variance = NarrativeFixture.report.variances.first { $0.code == "211000" && $0.comparison == .priorPeriod }!
        return NarrativePrompt(variance)
    }

    func check(_ text: String, finishReason: String? = "stop") -> Result<String, NarrativeRefusal> {
        NarrativeAnswerCheck.validate(ChatCompletion(content: text, finishReason: finishReason), for: payables)
    }

    @Test func theFixtureNarrativeIsWhatTheChecksAssume() {
        #expect(payables.narrative == "Payables (211000) rose 6,700.00 USD (+670 %) against 2026-09, "
                + "driven by BILL/2026/10/0031 (Staples Office Supply, 6,000.00).")
    }

    @Test func numbersInProseAreAmountsOnlyWithGroupingOrDecimals() {
        let tokens = NumberToken.scan("Payables (211000) fell 6,700.00 USD (-670 %) against 2026-09, by BNK1 BILL/2026/10/0031 (x, -6,000.00). Up 12 percent.")
        #expect(tokens.filter(\.isAmount).map(\.text) == ["6,700.00", "-6,000.00"])
        #expect(tokens.filter(\.isPercent).map(\.text) == ["-670", "12"])
        #expect(tokens.map(\.text).contains("2026") && !tokens.map(\.text).contains("-09") && !tokens.map(\.text).contains("1"))
    }

    @Test func aRephrasingThatKeepsEveryAmountIsAccepted() throws {
        let answer = "  \"Payables (211000) increased by 6,700.00 USD, or 670 %, against 2026-09,\nmainly from BILL/2026/10/0031 "
            + "(Staples Office Supply, 6,000.00); October payables stood at 7,700.00 versus 1,000.00.\"  "
        #expect(try check(answer).get() == "Payables (211000) increased by 6,700.00 USD, or 670 %, against 2026-09, mainly from "
                + "BILL/2026/10/0031 (Staples Office Supply, 6,000.00); October payables stood at 7,700.00 versus 1,000.00.")
    }

    @Test(arguments: [
        ("Payables rose 6,700 USD (+670 %), driven by BILL/2026/10/0031 (6,000.00).", "6,700.00"),       // rounded
        ("Payables rose 6700.00 USD (+670 %), driven by BILL/2026/10/0031 (6,000.00).", "6,700.00"),     // regrouped
        ("Payables rose 6,700.00 USD (+670 %), driven by BILL/2026/10/0031 (-6,000.00).", "6,000.00"),     // sign flipped
        ("Payables rose 6,700.00 USD (+67 %), driven by BILL/2026/10/0031 (6,000.00).", "670 %"),         // percentage changed
        ("Payables rose 6,700.00 USD (+670 %).", "6,000.00"),                                               // driver dropped
    ])
    func anAnswerThatChangesOrDropsAnAmountIsRefused(answer: String, named: String) throws {
        let refusal = try #require(check(answer).failure)
        #expect(refusal.description.hasPrefix("refused the answer: it changes or drops "), "\(refusal)")
        #expect(refusal.description.contains(named))
    }

    @Test func anInventedAmountIsRefusedEvenWhenTheRealOnesAreKept() throws {
        let refusal = try #require(check("Payables rose 6,700.00 USD (+670 %) against 2026-09, driven by BILL/2026/10/0031 "
                                         + "(6,000.00) and a 1,234.56 accrual.").failure)
        #expect(refusal.description == "refused the answer: it states 1,234.56, which is not among the amounts given")
    }

    @Test func emptyTooLongAndCutOffAnswersAreRefused() throws {
        #expect(try #require(check(" \n ").failure).description == "refused the answer: the answer is empty")
        let long = payables.narrative + String(repeating: " More words.", count: 60)
        #expect(try #require(check(long).failure).description.contains("characters long (at most 600)"))
        #expect(try #require(check(payables.narrative, finishReason: "length").failure).description.contains("cut off"))
        #expect((try? check(payables.narrative).get()) == payables.narrative)
        #expect((try? check("\u{1B}[2J" + payables.narrative + "\r\n").get()) == "[2J" + payables.narrative)
    }
}

extension Result {
    var failure: Failure? { if case .failure(let error) = self { error } else { nil } }
}
