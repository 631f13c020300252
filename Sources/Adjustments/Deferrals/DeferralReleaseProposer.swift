import Ledger

/// Releases the period's share of prepaid expenses and deferred revenue. Each posted line booked
/// to a deferral account whose label (or the rule's default length) says which months it covers
/// becomes a schedule; the period's release is proposed unless the ledger already holds it.
public struct DeferralReleaseProposer: AdjustmentProposer {
    public var kind: AdjustmentKind { .deferralRelease }

    public init() {}

    public func proposals(in context: ProposalContext) -> [AdjustmentProposal] {
        guard let journal = context.adjustmentJournal else { return [] }
        let ledger = DeferralLedger(context: context)
        return ledger.schedules.compactMap { schedule in
            let release = schedule.release(in: context.period)
            guard !release.isZero, !ledger.isReleased(schedule, in: context.period) else { return nil }
            return proposal(for: schedule, release: release, journal: journal, ledger: ledger, in: context)
        }
    }

    func proposal(for schedule: DeferralSchedule, release: Money, journal: Journal, ledger: DeferralLedger,
                  in context: ProposalContext) -> AdjustmentProposal? {
        guard let target = schedule.releaseAccountID else { return nil }
        let label = schedule.label + " " + context.period.description
        let expense = ProposedLine(accountID: target, partnerID: schedule.partnerID, label: label, amount: release,
                                   analytic: ledger.analytic(forReleasesTo: target, like: schedule))
        let deferral = ProposedLine(accountID: schedule.deferralAccountID, partnerID: schedule.partnerID, label: label, amount: -release)
        let position = schedule.firstMonth.monthsUntil(context.period) + 1
        let source = context.moveRecord(schedule.sourceMoveID)
        return AdjustmentProposal(
            kind: .deferralRelease, company: context.companyRecord, period: context.period, subject: "line-\(schedule.sourceLineID)",
            entry: ProposedEntry(journalID: journal.id, date: context.period.end, ref: "Release " + label, lines: [expense, deferral]),
            calculation: [
                CalculationStep("\(source.name) booked to \(context.accountName(schedule.deferralAccountID))", amount: schedule.total.magnitude),
                CalculationStep("Covers \(schedule.firstMonth) to \(schedule.lastMonth): \(schedule.months) months, straight line"),
                CalculationStep("Month \(position) of \(schedule.months)\(context.period == schedule.lastMonth ? " (takes the rounding remainder)" : "")",
                                amount: release.magnitude),
                CalculationStep("Remaining after \(context.period)", amount: schedule.remaining(after: context.period).magnitude),
            ],
            evidence: [source] + (schedule.partnerID.map { [context.partnerRecord($0)] } ?? []),
            confidence: ledger.releaseAccountFromHistory(schedule) ? 0.97 : 0.8,
            reason: "\(source.name) put \(schedule.total.magnitude) on \(context.accountName(schedule.deferralAccountID)) for "
                + "\(schedule.firstMonth) to \(schedule.lastMonth); \(context.period) is month \(position) of \(schedule.months), so "
                + "\(release.magnitude) moves to \(context.accountName(target))"
                + (ledger.releaseAccountFromHistory(schedule) ? " (where earlier releases of the same kind went)." : " (the account of the vendor's other costs)."))
    }
}
