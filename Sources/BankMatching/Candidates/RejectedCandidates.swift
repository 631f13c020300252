public import Ledger

/// The candidates reviewers rejected, per statement line: a rejected match is never proposed again
/// for the same line (the next best one is), unless the caller leaves it out because the line changed.
public struct RejectedCandidates: Sendable {
    /// A candidate by what it settles the line with: the open items and the write-off or counterpart account.
    struct Identity: Hashable {
        var itemLineIDs: [Int]
        var accountID: Int?
    }

    private var byLine: [Int: Set<Identity>] = [:]
    /// Lines whose rejected match may come back because the line itself changed since, and what changed.
    public private(set) var changedLines: [Int: String] = [:]

    public init() {}

    /// From the proposals reviewers rejected and the statement lines as pulled now: a rejection holds
    /// while its line's date, amount and text are what the reviewer saw.
    public init(rejected: [MatchProposal], lines: [StatementLine]) {
        let current = Dictionary(lines.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for proposal in rejected {
            guard let best = proposal.best, let line = current[proposal.statementLineID] else { continue }
            var changes: [String] = []
            if line.date != proposal.date { changes.append("date \(proposal.date) → \(line.date)") }
            if line.amount != proposal.amount { changes.append("amount \(proposal.amount) → \(line.amount)") }
            if (line.paymentRef ?? "") != proposal.text { changes.append("text '\(proposal.text)' → '\(line.paymentRef ?? "")'") }
            if changes.isEmpty {
                add(best, statementLineID: proposal.statementLineID)
            } else {
                changedLines[proposal.statementLineID] = "the line changed since a reviewer rejected "
                    + best.documents.joined(separator: ", ") + " (" + changes.joined(separator: ", ") + ")"
            }
        }
    }

    public mutating func add(_ candidate: ScoredCandidate, statementLineID: Int) {
        byLine[statementLineID, default: []].insert(Identity(itemLineIDs: candidate.itemLineIDs.sorted(), accountID: candidate.writeOffAccountID))
    }

    func contains(statementLineID: Int, itemLineIDs: [Int], accountID: Int?) -> Bool {
        byLine[statementLineID]?.contains(Identity(itemLineIDs: itemLineIDs.sorted(), accountID: accountID)) ?? false
    }

    func any(for statementLineID: Int) -> Bool { byLine[statementLineID] != nil }
}
