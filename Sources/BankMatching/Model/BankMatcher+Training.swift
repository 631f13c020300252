import Ledger

/// Learning the match model from the ledger's own reconciled history, plus reviewers' decisions.
extension BankMatcher {
    /// A reviewer's verdict on a proposed candidate: the features it had and whether it was right.
    public struct Feedback: Sendable, Codable, Hashable {
        public var features: [Double]
        public var approved: Bool

        public init(features: [Double], approved: Bool) {
            self.features = features
            self.approved = approved
        }
    }

    /// The matcher with a model fitted on the reconciled history and `feedback` (each reviewer decision
    /// counts as much as `feedbackWeight` historical examples, since it is the company's explicit word).
    public func retrained(version: Int, feedback: [Feedback], feedbackWeight: Int = 5) -> BankMatcher {
        var examples = historyExamples()
        for verdict in feedback {
            for _ in 0..<feedbackWeight { examples.append((verdict.features, verdict.approved)) }
        }
        var copy = self
        copy.model = MatchModel.fit(examples, version: version)
        return copy
    }

    /// The features of the candidate a proposal ranked at `rank`, for recording a reviewer's decision.
    public func features(statementLineID: Int, itemLineIDs: [Int], writeOffAccountID: Int?) -> [Double]? {
        guard let line = snapshot.statementLines.first(where: { $0.id == statementLineID }), let facts = facts(for: line) else { return nil }
        let learned = history.counterpart(for: ReconciledHistory.words(line.paymentRef))
        return evaluate(line, facts: facts, index: index, isOpen: nil, memory: learned)
            .first { $0.0.items.map(\.lineID) == itemLineIDs && ($0.0.items.isEmpty ? $0.0.accountID == writeOffAccountID : true) }?.1.values
    }

    /// One example per candidate of every reconciled statement line, labelled by what the line was
    /// really matched with, the ledger seen as it stood on the line's date (items open then, at their
    /// original amounts; the line's own partner field ignored, since unmatched lines have none).
    func historyExamples(limit: Int = 6_000) -> [(features: [Double], label: Bool)] {
        let pool = OpenItem.items(in: snapshot, original: true) { line in line.debit.minorUnits != line.credit.minorUnits }
        let past = MatchIndex(items: pool, partners: snapshot.partners, accounts: snapshot.accounts, rules: rules)
        let settled = history.settledOn
        var examples: [(features: [Double], label: Bool)] = []
        let reconciled = snapshot.statementLines.filter { $0.isReconciled && history.outcomes[$0.id] != nil }.suffix(limit)
        for var line in reconciled {
            let outcome = history.outcomes[line.id]!
            line.partnerID = nil
            guard let facts = facts(for: line), facts.amount != 0 else { continue }
            let date = line.date
            let isOpen: (OpenItem) -> Bool = { $0.date <= date && (settled[$0.lineID].map { $0 >= date } ?? true) }
            // The line's own vote is not evidence for itself.
            var learned = history.counterpart(for: ReconciledHistory.words(line.paymentRef))
            if let known = learned, outcome.itemLineIDs.isEmpty, outcome.accountID == known.accountID {
                learned = (known.accountID, known.agreeing - 1, known.total - 1)
            }
            for (candidate, features) in evaluate(line, facts: facts, index: past, isOpen: isOpen, memory: learned) {
                let items = Set(candidate.items.map(\.lineID))
                let right = items == outcome.itemLineIDs && (items.isEmpty ? candidate.accountID == outcome.accountID : true)
                examples.append((features.values, right))
            }
        }
        return examples
    }
}
