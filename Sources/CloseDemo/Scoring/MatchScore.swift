public import BankMatching
public import DemoCompany
public import Ledger

/// How well bank-match proposals agree with the demo company's ground truth: the precision of the
/// auto-applied ones, the share of matchable lines matched automatically or proposed correctly as
/// the top candidate, the recall of one-deposit-several-invoices lines, and the auto-match rate.
public struct MatchScore: Sendable, Codable, Hashable {
    public var proposals: Int
    /// Lines the ground truth says can be matched (it names items or an account).
    public var matchable: Int
    public var auto: Int
    public var autoCorrect: Int
    public var topCorrect: Int
    public var oneToMany: Int
    public var oneToManyCorrect: Int
    /// Per ground-truth shape: lines and correct top candidates.
    public var byShape: [String: [Int]]
    /// Calibration of the top candidates' probabilities: the sum of (p − right)² (Brier) and of p.
    public var brierSum: Double = 0
    public var probabilitySum: Double = 0

    /// Mean squared gap between a top candidate's probability and whether it was right (0 is perfect).
    public var brierScore: Double { matchable == 0 ? 0 : brierSum / Double(matchable) }
    /// Mean probability of the top candidates; calibrated scores make it close to `matchedRate`.
    public var meanProbability: Double { matchable == 0 ? 0 : probabilitySum / Double(matchable) }

    public var autoPrecision: Double { auto == 0 ? 1 : Double(autoCorrect) / Double(auto) }
    /// Matched automatically or proposed as the top candidate correctly.
    public var matchedRate: Double { matchable == 0 ? 1 : Double(topCorrect) / Double(matchable) }
    public var autoRate: Double { matchable == 0 ? 0 : Double(auto) / Double(matchable) }
    public var oneToManyRecall: Double { oneToMany == 0 ? 1 : Double(oneToManyCorrect) / Double(oneToMany) }

    public static func score(_ proposals: [MatchProposal], against truth: GroundTruth, snapshot: LedgerSnapshot) -> MatchScore {
        let matches = Dictionary(truth.bankMatches.map { ($0.statementLineID, $0) }, uniquingKeysWith: { first, _ in first })
        let reconcilable = Set(snapshot.accounts.filter(\.reconcile).map(\.id))
        let accountOfLine = Dictionary(snapshot.lines.map { ($0.id, $0.accountID) }, uniquingKeysWith: { first, _ in first })
        var score = MatchScore(proposals: proposals.count, matchable: 0, auto: 0, autoCorrect: 0, topCorrect: 0, oneToMany: 0,
                               oneToManyCorrect: 0, byShape: [:])
        for proposal in proposals {
            guard let match = matches[proposal.statementLineID] else { continue }
            // Items on accounts Odoo cannot reconcile (a payroll liability) are matched by booking to their account.
            let items = Set(match.openItemLineIDs.filter { accountOfLine[$0].map(reconcilable.contains) ?? false })
            let account = match.writeOffAccountID ?? match.openItemLineIDs.lazy.compactMap { accountOfLine[$0] }.first { !reconcilable.contains($0) }
            guard !items.isEmpty || account != nil else { continue }
            score.matchable += 1
            let correct = proposal.best.map { best in
                Set(best.itemLineIDs) == items && best.writeOffAccountID == account
            } ?? false
            if proposal.decision == .auto {
                score.auto += 1
                if correct { score.autoCorrect += 1 }
            }
            if correct { score.topCorrect += 1 }
            let probability = proposal.best?.probability ?? 0
            score.probabilitySum += probability
            score.brierSum += (probability - (correct ? 1 : 0)) * (probability - (correct ? 1 : 0))
            if match.shape == "1:N" {
                score.oneToMany += 1
                if correct { score.oneToManyCorrect += 1 }
            }
            score.byShape[match.shape, default: [0, 0]][0] += 1
            if correct { score.byShape[match.shape, default: [0, 0]][1] += 1 }
        }
        return score
    }
}
