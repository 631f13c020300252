public import Ledger

/// Proposes how to reconcile bank statement lines: candidates from the indexes, each scored by the
/// company's match model, ranked, and sorted into auto / review / escalate by the rule set's
/// thresholds. Pure: reads a ledger, returns proposals; applying them is someone else's job.
public struct BankMatcher: Sendable {
    public internal(set) var model: MatchModel
    let rules: MatchRules
    let snapshot: LedgerSnapshot
    let index: MatchIndex
    let history: ReconciledHistory
    let habits: PaymentHabits

    /// Builds the indexes over the ledger's open items; trains the model on its reconciled history
    /// unless one is given (the stored model, refitted with reviewers' decisions).
    public init(snapshot: LedgerSnapshot, rules: MatchRules = MatchRules(), model: MatchModel? = nil) {
        self.snapshot = snapshot
        self.rules = rules
        history = ReconciledHistory(snapshot)
        habits = PaymentHabits(delays: history.delays)
        let open = OpenItem.items(in: snapshot) { line in line.amountResidual.minorUnits != 0 }
        index = MatchIndex(items: open, partners: snapshot.partners, accounts: snapshot.accounts, rules: rules)
        self.model = model ?? MatchModel.prior
        if model == nil { self.model = retrained(version: 1, feedback: []).model }
    }

    /// The same matcher scoring with another model (the stored one its refit equals): the indexes are shared,
    /// not built again beside the first.
    public func using(_ model: MatchModel) -> BankMatcher {
        var copy = self
        copy.model = model
        return copy
    }

    /// Proposals for the unreconciled statement lines dated on or before `through`, never offering a
    /// candidate a reviewer rejected for that line.
    public func proposals(through date: LocalDate, rejected: RejectedCandidates = RejectedCandidates()) -> [MatchProposal] {
        proposals(for: snapshot.statementLines.filter { !$0.isReconciled && $0.date <= date }, rejected: rejected)
    }

    public func proposals(for lines: [StatementLine], rejected: RejectedCandidates = RejectedCandidates()) -> [MatchProposal] {
        lines.map { propose($0, rejected: rejected) }
    }

    func propose(_ line: StatementLine, rejected: RejectedCandidates = RejectedCandidates()) -> MatchProposal {
        let text = line.paymentRef ?? ""
        var proposal = MatchProposal(statementLineID: line.id, date: line.date, amount: line.amount, text: text, partnerID: nil,
                                     decision: .cannotMatch, candidates: [], reason: "", modelVersion: model.version)
        guard let facts = facts(for: line) else {
            proposal.reason = "cannot match: the line's currency \(line.amount.currency) is not one of the company's currencies"
            return proposal
        }
        guard facts.amount != 0 else {
            proposal.reason = "cannot match: the amount is zero, so there is nothing to settle (delete the line or correct its amount)"
            return proposal
        }
        proposal.partnerID = facts.partner.partnerID
        let scored = score(line, facts: facts, isOpen: nil, memory: true, rejected: rejected)
        proposal.candidates = scored
        guard let best = scored.first else {
            if rejected.any(for: line.id) {
                proposal.reason = "cannot match: a reviewer rejected every candidate for this line; reconcile it in Odoo by hand"
                return proposal
            }
            proposal.reason = "cannot match: no open item has this amount"
                + (facts.keys.full.isEmpty ? "" : " or a document number in '\(text)'")
                + (facts.partner.partnerID == nil ? ", the counterpart is not a known partner" : "")
                + ", and no earlier line with this text went to a single account"
            return proposal
        }
        let runnerUp = scored.dropFirst().first?.probability ?? 0
        if best.probability >= rules.autoThreshold && best.probability - runnerUp >= rules.autoMargin {
            proposal.decision = .auto
        } else if best.probability >= rules.reviewThreshold {
            proposal.decision = .review
        } else {
            proposal.decision = .escalate
        }
        proposal.reason = rejected.changedLines[line.id].map { "proposed again, \($0): " + best.reason } ?? best.reason
        return proposal
    }

    /// The facts about a line the features need, or nil when its currency is unknown.
    func facts(for line: StatementLine) -> MatchFeatures.LineFacts? {
        guard let currency = snapshot.currencies.first(where: { $0.code == line.amount.currency })
                ?? (snapshot.company.currency.code == line.amount.currency ? snapshot.company.currency : nil) else { return nil }
        let minor = currency.money(0).scale == line.amount.scale ? line.amount.minorUnits : rescale(line.amount, to: currency.decimalPlaces)
        return MatchFeatures.LineFacts(line: line, amount: minor, currencyID: currency.id, currency: currency,
                                       keys: TextKeys(line.paymentRef ?? ""), partner: index.resolvePartner(line))
    }

    func rescale(_ money: Money, to decimals: Int) -> Int64 {
        var value = money.minorUnits
        var scale = money.scale
        while scale < decimals { value *= 10; scale += 1 }
        while scale > decimals { value /= 10; scale -= 1 }
        return value
    }

    /// The line's candidates with their probabilities, best first; the first `limit` explained.
    func score(_ line: StatementLine, facts: MatchFeatures.LineFacts, isOpen: ((OpenItem) -> Bool)?, memory: Bool, limit: Int = 3,
               rejected: RejectedCandidates = RejectedCandidates()) -> [ScoredCandidate] {
        // No history of lines going to one account: no text to read.
        let learned = memory && !history.memory.isEmpty ? history.counterpart(for: ReconciledHistory.words(line.paymentRef)) : nil
        let rejecting = rejected.any(for: line.id)
        let candidates = evaluate(line, facts: facts, index: index, isOpen: isOpen, memory: learned, explain: false)
            .filter { !rejecting || !rejected.contains(statementLineID: line.id, itemLineIDs: $0.0.items.map(\.lineID), accountID: $0.0.accountID) }
            .map { ($0.0, $0.1.mentionedItems, model.probability($0.1.values)) }
            .sorted { $0.2 != $1.2 ? $0.2 > $1.2 : $0.0.items.lazy.map(\.lineID).lexicographicallyPrecedes($1.0.items.lazy.map(\.lineID)) }
        return candidates.prefix(limit).map { candidate, mentioned, probability in
            let features = MatchFeatures(candidate, facts, habits: habits, mentionedItems: mentioned)
            return ScoredCandidate(
                itemLineIDs: candidate.items.map(\.lineID), documents: candidate.items.map(\.moveName), shape: candidate.shape,
                writeOff: candidate.accountID == nil ? nil : facts.currency.money(candidate.difference),
                writeOffAccountID: candidate.accountID,
                writeOffAccount: candidate.accountID.flatMap { id in snapshot.accounts.first { $0.id == id }?.displayName },
                probability: probability, reason: features.reasons.joined(separator: "; "))
        }
    }

    /// The candidates for a line with their features.
    func evaluate(_ line: StatementLine, facts: MatchFeatures.LineFacts, index: MatchIndex, isOpen: ((OpenItem) -> Bool)?,
                  memory learned: (accountID: Int, agreeing: Int, total: Int)?, explain: Bool = false) -> [(MatchCandidate, MatchFeatures)] {
        var candidates = index.candidates(for: line, amount: facts.amount, currencyID: facts.currencyID, keys: facts.keys,
                                          partner: facts.partner.partnerID, isOpen: isOpen)
        if let learned, learned.agreeing >= 2 {
            candidates.append(MatchCandidate(items: [], shape: .counterpart, difference: facts.amount, accountID: learned.accountID,
                                             memory: (learned.agreeing, learned.total)))
        }
        let mentioned = index.referencedCount(facts.keys, isOpen: isOpen)
        return candidates.map { ($0, MatchFeatures($0, facts, habits: habits, mentionedItems: mentioned, explain: explain)) }
    }
}
