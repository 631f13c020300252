import BankMatching
@testable import CloseDemo
import DemoCompany
import Testing
import Ledger

@Suite struct BankMatchingDemoTests {
    /// Three full-size companies and a small one (whose close period has a euro customer's payment on the EUR account).
    @Test(arguments: [(UInt64(42), 0), (7, 0), (2026, 0), (42, 2_000)])
    func demoCompanyBars(seed: UInt64, lines: Int) {
        var options = DemoOptions(seed: seed)
        if lines > 0 { options.targetLines = lines }
        let book = DemoCompany.generate(options)
        let matcher = BankMatcher(snapshot: book.snapshot)
        let proposals = matcher.proposals(through: book.groundTruth.period.end)
        let score = MatchScore.score(proposals, against: book.groundTruth, snapshot: book.snapshot)
        print("[match seed \(seed)\(lines > 0 ? ", \(lines) lines" : "")] \(score.proposals) proposals, \(score.matchable) matchable, auto \(score.auto) (precision \(score.autoPrecision)), "
              + "top correct \(score.topCorrect) (\(score.matchedRate)), mean p \(score.meanProbability), Brier \(score.brierScore), 1:N \(score.oneToManyCorrect)/\(score.oneToMany), by shape \(score.byShape)")
        #expect(score.autoPrecision >= 0.995)
        #expect(score.matchedRate >= 0.85)
        #expect(score.oneToManyRecall >= 0.9)
        // Calibrated: the probabilities say how often the top candidate is right.
        #expect(abs(score.meanProbability - score.matchedRate) < 0.1 && score.brierScore < 0.1)
    }
}
