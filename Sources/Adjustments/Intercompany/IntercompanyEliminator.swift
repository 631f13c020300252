public import Ledger

/// Decides what to eliminate of each intercompany balance (at period end) and revenue/expense flow
/// (for the period), and drafts the elimination entries in the consolidation company's journal —
/// or, with no consolidation company, a worksheet. A parent's eliminations wait for its children.
///
/// Balances are eliminated at period end and reversed on the first day of the next period, so each
/// month eliminates the balance it sees; flows are eliminated for the month only and not reversed,
/// so a year's eliminations add up to its year-to-date trade.
public struct IntercompanyEliminator: Sendable {
    public var group: IntercompanyGroup

    public init(group: IntercompanyGroup) { self.group = group }

    public func eliminate(_ match: IntercompanyMatch) -> IntercompanyElimination {
        let period = match.period
        let waiting = waitingParents(period)
        let waitingKeys = Set(waiting.map(\.key))
        var notes: [String] = []
        let rows = match.comparisons.filter { $0.scope != .yearToDate }.map { comparison in
            decide(comparison, waitingKeys: waitingKeys)
        }
        var proposals: [AdjustmentProposal] = []
        if let target = group.consolidation {
            for row in rows {
                guard let amount = row.elimination, !amount.isZero else { continue }
                guard amount.currency == target.currency.code else {
                    notes.append("\(row.comparison.pair), \(row.comparison.measure.title): in \(amount.currency), but \(target.company.name) "
                                 + "keeps its books in \(target.currency.code); eliminate it by hand (no currency translation).")
                    continue
                }
                let proposal = self.proposal(for: row, amount: amount, target: target, period: period, links: match.partnerLinks)
                if let refusal = LockDateGuard(lockDates: target.lockDates).refusal(date: proposal.entry.date, journalType: target.journal.type) {
                    notes.append("\(target.company.name) cannot take the \(row.comparison.pair) elimination: \(refusal).")
                    continue
                }
                proposals.append(proposal)
            }
        }
        return IntercompanyElimination(period: period, rows: rows, proposals: proposals,
                                       worksheet: group.consolidation == nil ? IntercompanyWorksheet.csv(rows) : nil,
                                       waiting: waiting, notes: notes)
    }

    /// Every parent with a company below it that has not closed the period.
    public func waitingParents(_ period: Period) -> [WaitingParent] {
        group.members.compactMap { parent in
            let open = group.descendants(of: parent.key).filter { !$0.isClosed(through: period) }
            guard !open.isEmpty else { return nil }
            return WaitingParent(key: parent.key, name: parent.name, openChildren: open.map { child in
                let locks = child.snapshot.company.lockDates
                return WaitingParent.OpenChild(key: child.key, name: child.name, lockedThrough: locks.lockedThrough)
            })
        }
    }

    private func decide(_ comparison: IntercompanyComparison, waitingKeys: Set<SourceKey>) -> EliminationRow {
        guard let agreed = comparison.agreedAmount, let difference = comparison.difference else {
            return EliminationRow(comparison: comparison, elimination: nil, outcome: .notComparable)
        }
        if let parent = group.consolidatingParent(of: comparison.sellerKey, and: comparison.buyerKey), waitingKeys.contains(parent) {
            return EliminationRow(comparison: comparison, elimination: agreed.currencyZero, outcome: .waiting)
        }
        if difference.magnitude.minorUnits <= group.rules.toleranceMinorUnits {
            return EliminationRow(comparison: comparison, elimination: agreed, outcome: .eliminated)
        }
        return group.rules.mismatch == .eliminateLower
            ? EliminationRow(comparison: comparison, elimination: agreed, outcome: .eliminatedLower)
            : EliminationRow(comparison: comparison, elimination: agreed.currencyZero, outcome: .mismatchReported)
    }

    private func proposal(for row: EliminationRow, amount: Money, target: ConsolidationTarget, period: Period,
                          links: [IntercompanyPartnerLink]) -> AdjustmentProposal {
        let comparison = row.comparison
        let seller = group.member(comparison.sellerKey)!, buyer = group.member(comparison.buyerKey)!
        let accounts = target.accounts
        let isBalance = comparison.measure == .receivablePayable
        // Debit what the group owes and earned within itself (payable, revenue), credit what it is owed and spent (receivable, expense).
        let (debit, credit) = isBalance ? (accounts.payable, accounts.receivable) : (accounts.revenue, accounts.expense)
        let what = isBalance ? "\(seller.name)'s receivable from \(buyer.name) / \(buyer.name)'s payable to \(seller.name)"
            : "\(seller.name)'s revenue from \(buyer.name) / \(buyer.name)'s expense from \(seller.name)"
        let entry = ProposedEntry(
            journalID: target.journal.id, date: period.end, ref: "Intercompany elimination \(period): \(what)",
            lines: [ProposedLine(accountID: debit.id, label: what, amount: amount),
                    ProposedLine(accountID: credit.id, label: what, amount: amount.negated)],
            reversalDate: isBalance ? period.next.start : nil)
        let sides = isBalance ? ("Receivable in \(seller.name)", "Payable in \(buyer.name)")
            : ("Revenue from \(buyer.name) in \(seller.name), \(period)", "Expense from \(seller.name) in \(buyer.name), \(period)")
        var calculation = [CalculationStep(sides.0, amount: comparison.sellerAmount), CalculationStep(sides.1, amount: comparison.buyerAmount)]
        if let difference = comparison.difference, !difference.isZero {
            calculation.append(CalculationStep("Difference, left in the consolidation", amount: difference))
        }
        calculation.append(CalculationStep(row.outcome == .eliminatedLower ? "Eliminated: the lower of the two" : "Eliminated: the amount both agree on",
                                           amount: amount))
        // The partner each side books the other under, then the documents behind any difference.
        let partners = links.filter { ($0.holderKey, $0.otherKey) == (seller.key, buyer.key) || ($0.holderKey, $0.otherKey) == (buyer.key, seller.key) }
            .flatMap { link in
                let holder = link.holderKey == seller.key ? seller.name : buyer.name
                return link.partners.map { RecordRef(model: $0.model, id: $0.id, name: "\($0.name), in \(holder)'s books") }
            }
        let evidence = partners + comparison.explanations.flatMap { [$0.sellerDocument?.move, $0.buyerDocument?.move].compactMap { $0 } }
        let agreement = row.outcome == .eliminated
            ? "agree at \(amount)"
            : "differ by \(comparison.difference!) (see the mismatch report); the lower, \(amount), is eliminated as the rules say"
        let timing = isBalance ? " at \(period.end); reversed on \(period.next.start), so next month eliminates its own balance"
            : " for \(period)"
        return AdjustmentProposal(
            kind: .intercompanyElimination, company: target.company, period: period,
            subject: "\(seller.code)/\(buyer.code)/\(comparison.measure.rawValue)", entry: entry, calculation: calculation,
            evidence: evidence, confidence: row.outcome == .eliminated ? 0.95 : 0.6,
            reason: "\(what): the two books \(agreement)\(timing).")
    }
}
