@testable import BankMatching
import DemoCompany
import Foundation
import Ledger
import Testing

@Suite struct BankMatcherTests {
    static let book = DemoCompany.generate(DemoOptions(targetLines: 6_000))

    func line(_ text: String?, _ cents: Int64, currency: CurrencyCode = .usd, partnerName: String? = nil) -> StatementLine {
        StatementLine(id: 9_999_001, moveID: 9_999_001, journalID: 4, date: Self.book.groundTruth.period.end, paymentRef: text,
                      partnerName: partnerName, amount: Money(minorUnits: cents, currency: currency, scale: 2))
    }

    @Test func badLinesGetAReasonNotACrash() {
        let matcher = BankMatcher(snapshot: Self.book.snapshot)
        let proposals = matcher.proposals(for: [
            line("\u{0}\u{FFFF}💥 ;;; DROP TABLE", 123_456_789),
            line("INV/2026/00001", 0),
            line("INV/2026/00001", 10_000, currency: CurrencyCode("XAU")!),
            line(nil, -1, partnerName: String(repeating: "ß", count: 10_000)),
        ])
        #expect(proposals.map(\.decision) == [.cannotMatch, .cannotMatch, .cannotMatch, .cannotMatch])
        #expect(proposals[0].reason.hasPrefix("cannot match: no open item has this amount"))
        #expect(proposals[1].reason.contains("amount is zero"))
        #expect(proposals[2].reason.contains("XAU is not one of the company's currencies"))
        #expect(proposals.allSatisfy { $0.candidates.isEmpty })
    }

    @Test func referencesSurviveTheBanksManglingAndTypos() {
        let key = { (text: String) in DigitKey(text)! }
        let keys = TextKeys("Payment INV 2026 00042 / 43")
        #expect(keys.full.contains(key("202600042")) && keys.numbers.contains(42) && keys.numbers.contains(43))
        #expect(!keys.full.contains(key("202642")), "leading zeros are part of a key")
        #expect(ReferenceKeys(documentNames: ["INV/2026/00042"]).full == [key("202600042")])
        #expect(key("00042").description == "00042" && key("202600042").appending(key("7")) == key("2026000427"))
        #expect(TextKeys("ref 12345678901234567890123").full.contains(key("5678901234567890123")), "long runs keep their last 19 digits")
        #expect(DigitKey.isNear(key("202600042"), key("202600024")))   // swapped neighbours
        #expect(DigitKey.isNear(key("202600042"), key("202600043")))   // one digit
        #expect(!DigitKey.isNear(key("202600042"), key("202600411")))
        #expect(!DigitKey.isNear(key("1234"), key("1243")), "short numbers are not near each other")
        #expect(NameSimilarity.score(NameSimilarity.words("ACME INDUSTRIAL"), NameSimilarity.words("Acme Industrial Supply Co.")) == 0.8)
    }

    /// A reason names only references the line's text holds: a line reading "DC-23-1335" (a bill's vendor
    /// reference, which its outstanding payment carries too) was explained as "reference contains PBNK1/2026/00678".
    @Test func aReasonNamesOnlyReferencesTheTextHolds() {
        let matcher = BankMatcher(snapshot: Self.book.snapshot)
        var checked = 0
        for proposal in matcher.proposals(through: Self.book.groundTruth.period.end) {
            let keys = TextKeys(proposal.text)
            for candidate in proposal.candidates {
                for clause in candidate.reason.components(separatedBy: "; ") where clause.hasPrefix("reference contains ") {
                    for named in clause.dropFirst("reference contains ".count).components(separatedBy: ", ") {
                        let reference = ReferenceKeys(documentNames: [named.components(separatedBy: " (the ref of ")[0]])
                        #expect(reference.full.contains(where: keys.full.contains) || reference.sequence.contains(where: keys.numbers.contains),
                                "'\(proposal.text)' explained as '\(clause)' for \(candidate.documents)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 0)
    }

    @Test func theModelLearnsFromHistoryAndFromReviewers() throws {
        let matcher = BankMatcher(snapshot: Self.book.snapshot)
        let model = matcher.model
        #expect(model.version == 1 && model.trainedOn > model.positives && model.positives > 100, "\(model.trainedOn) examples, \(model.positives) right")
        let weight = { (name: String) in model.weights[MatchFeatures.names.firstIndex(of: name)!] }
        #expect(weight("reference-full") > 1 && weight("amount-equal") > 1 && weight("partner-disagrees") < 0)

        // A reviewer rejects what the model was sure of, repeatedly: the refitted model trusts it less.
        let proposal = try #require(matcher.proposals(through: Self.book.groundTruth.period.end).first { $0.decision == .auto })
        let best = try #require(proposal.best)
        let features = try #require(matcher.features(statementLineID: proposal.statementLineID, itemLineIDs: best.itemLineIDs,
                                                     writeOffAccountID: best.writeOffAccountID))
        let rejected = matcher.retrained(version: 2, feedback: Array(repeating: .init(features: features, approved: false), count: 200))
        #expect(rejected.model.version == 2)
        #expect(rejected.model.probability(features) < model.probability(features) - 0.2)
    }

    @Test func foreignResidualsArePartOfTheOriginalExactly() {
        #expect(OpenItem.proRata(100_00, 50_00, 200_00) == 25_00)
        #expect(OpenItem.proRata(-33_33, 1, 2) == -16_67)         // half away from zero
        #expect(OpenItem.proRata(10, -1, 3) == -3)
        #expect(OpenItem.proRata(.max / 2, 4, 2) == .max - 1)      // no overflow in between
    }

    @Test func modelFitRecoversAKnownRule() {
        // Label = amount-equal AND reference-full: the fitted model separates it.
        var examples: [(features: [Double], label: Bool)] = []
        for index in 0..<400 {
            var x = [Double](repeating: 0, count: MatchFeatures.names.count)
            x[0] = 1
            x[1] = Double(index % 2)
            x[4] = Double((index / 2) % 2)
            x[9] = Double(index % 7) / 7
            examples.append((x, x[1] == 1 && x[4] == 1))
        }
        let model = MatchModel.fit(examples, version: 3)
        for (x, label) in examples { #expect((model.probability(x) > 0.5) == label) }
    }
}
