import Ledger

/// Proposes moving a posted profit-and-loss line of the period to the account the company's history
/// confidently says it belongs to (`AccountSuggestionModel`, `ReclassRules`). The entry credits the
/// line's account and debits the suggested one with the line's amount (the other way round for a
/// credit line), same partner, dated at the period end like every adjusting entry of the close: the
/// period's totals are what the reclass corrects, and the original line keeps its own date.
public struct ReclassProposer: AdjustmentProposer {
    public let kind = AdjustmentKind.reclass

    public init() {}

    public func proposals(in context: ProposalContext) -> [AdjustmentProposal] {
        guard let journal = context.adjustmentJournal else { return [] }
        let rules = context.rules.reclass
        let model = AccountSuggestionModel(context, minimumHistory: rules.minimumHistory)
        var proposals: [AdjustmentProposal] = []
        for move in context.snapshot.moves where move.state == .posted && context.period.contains(move.date) {
            for line in context.lines(of: move.id)
            where context.accountsByID[line.accountID]?.type.isProfitAndLoss == true && !line.balance.isZero {
                guard let suggestion = model.suggestion(for: line, journalID: move.journalID),
                      suggestion.accountID != line.accountID, suggestion.probability >= rules.minimumConfidence else { continue }
                proposals.append(proposal(moving: line, of: move, to: suggestion, journal: journal, context: context))
            }
        }
        return proposals
    }

    private func proposal(moving line: JournalLine, of move: Move, to suggestion: AccountSuggestion, journal: Journal,
                          context: ProposalContext) -> AdjustmentProposal {
        let from = context.accountName(line.accountID), to = context.accountName(suggestion.accountID)
        let amount = line.balance
        let label = "Reclass " + move.name + " " + line.label
        // The line's own analytic distribution stays: the account was wrong, not the department charged.
        let analytic = line.analytic ?? suggestion.analytic
        let entry = ProposedEntry(journalID: journal.id, date: context.period.end, ref: "Reclass \(move.name) from \(from) to \(to)", lines: [
            ProposedLine(accountID: suggestion.accountID, partnerID: line.partnerID, label: label, amount: amount, analytic: analytic),
            ProposedLine(accountID: line.accountID, partnerID: line.partnerID, label: label, amount: -amount, analytic: line.analytic),
        ])
        let percent = Int((suggestion.probability * 100).rounded(.down))
        let minimum = Int((context.rules.reclass.minimumConfidence * 100).rounded(.up))
        return AdjustmentProposal(
            kind: .reclass, company: context.companyRecord, period: context.period, subject: "line-\(line.id)", entry: entry,
            calculation: [
                CalculationStep("\(move.name) '\(line.label)' (\(context.partnerName(line.partnerID))) is booked to \(from)", amount: amount),
                CalculationStep(suggestion.reason),
                CalculationStep("Probability (\(suggestion.agreeingLines) + ½) ÷ (\(suggestion.similarLines) + 1) = \(percent) %, "
                                + "at least \(minimum) % required"),
                CalculationStep("Move the amount from \(from) to \(to)", amount: amount),
            ],
            evidence: [context.moveRecord(move.id)] + suggestion.evidenceMoveIDs.map(context.moveRecord),
            confidence: suggestion.probability,
            reason: "\(move.name) books '\(line.label)'\(line.partnerID.map { " of " + context.partnerName($0) } ?? "") to \(from), "
                + "but \(suggestion.reason).")
    }
}
