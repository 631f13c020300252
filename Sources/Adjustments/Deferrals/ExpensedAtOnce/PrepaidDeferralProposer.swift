import Ledger

/// Defers what a bill expensed at once paid for months after the period: the not-yet-used part moves from the
/// expense account to the prepaid account at the period's end, labelled with the months left, so that the
/// deferral-release proposer releases it month by month from the next period on.
public struct PrepaidDeferralProposer: AdjustmentProposer {
    public var kind: AdjustmentKind { .deferral }

    public init() {}

    public func proposals(in context: ProposalContext) -> [AdjustmentProposal] {
        guard let journal = context.adjustmentJournal else { return [] }
        return PrepaidExpenseDetector().candidates(in: context).compactMap { proposal(for: $0, journal: journal, in: context) }
    }

    func proposal(for candidate: PrepaidCandidate, journal: Journal, in context: ProposalContext) -> AdjustmentProposal? {
        guard let prepaid = candidate.prepaidAccountID else { return nil }
        let period = context.period, schedule = candidate.schedule
        let deferred = candidate.deferred(after: period)
        let firstLeft = max(period.next, schedule.firstMonth)
        let stem = DeferralLedger.stem(candidate.label)
        // The months left in the label, so DeferralLedger reads the new prepaid line as a schedule of its own.
        let label = (stem.isEmpty ? context.partnerName(candidate.partnerID) : stem) + " \(firstLeft) to \(schedule.lastMonth)"
        let source = context.moveRecord(candidate.moveID)
        let releases = stride(from: 0, through: firstLeft.monthsUntil(schedule.lastMonth), by: 1).map { firstLeft.advanced(by: $0) }
        let shown = releases.prefix(3).map { "\($0) \(schedule.release(in: $0))" }.joined(separator: ", ")
        return AdjustmentProposal(
            kind: .deferral, company: context.companyRecord, period: period, subject: "line-\(candidate.lineID)",
            entry: ProposedEntry(journalID: journal.id, date: period.end, ref: "Deferral " + label, lines: [
                ProposedLine(accountID: prepaid, partnerID: candidate.partnerID, label: label, amount: deferred),
                ProposedLine(accountID: candidate.expenseAccountID, partnerID: candidate.partnerID, label: label, amount: -deferred),
            ]),
            calculation: [
                CalculationStep("\(source.name) expensed to \(context.accountName(candidate.expenseAccountID))", amount: schedule.total),
                CalculationStep("Covers \(schedule.firstMonth) to \(schedule.lastMonth): \(schedule.months) months, straight line"),
                CalculationStep("Used by the end of \(period)", amount: schedule.released(through: period)),
                CalculationStep("Deferred to \(context.accountName(prepaid)), released \(releases.count) months from \(firstLeft): "
                                + shown + (releases.count > 3 ? ", …" : ""), amount: deferred),
            ],
            evidence: [source] + (candidate.partnerID.map { [context.partnerRecord($0)] } ?? []),
            confidence: candidate.confidence, reason: candidate.reason)
    }
}
