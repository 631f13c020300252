import DemoCompany
import Ledger
import Reconciliation
import Testing
@testable import CloseService

@Suite struct BankMatchingDemoTests {
    @Test(arguments: [UInt64(42), 7, 2026])
    func demoCompanyBars(seed: UInt64) {
        let book = DemoCompany.generate(DemoOptions(seed: seed))
        let matcher = BankMatcher(snapshot: book.snapshot)
        let proposals = matcher.proposals(through: book.groundTruth.period.end)
        let score = MatchScore.score(proposals, against: book.groundTruth, snapshot: book.snapshot)
        print("[match seed \(seed)] \(score.proposals) proposals, \(score.matchable) matchable, auto \(score.auto) (precision \(score.autoPrecision)), "
              + "top correct \(score.topCorrect) (\(score.matchedRate)), 1:N \(score.oneToManyCorrect)/\(score.oneToMany), by shape \(score.byShape)")
        #expect(score.autoPrecision >= 0.995)
        #expect(score.matchedRate >= 0.85)
        #expect(score.oneToManyRecall >= 0.9)
    }
}
