import Adjustments
import Ledger

/// The checks every drafted entry passes before it is stored or written: lines, balance, known
/// accounts and journal, and the company's lock dates.
enum AdjustmentScreen {
    static func refusal(_ proposal: AdjustmentProposal, in context: ProposalContext) -> String? {
        refusal(proposal, accounts: Set(context.accountsByID.keys), journals: context.journalsByID, lockDates: context.snapshot.company.lockDates)
    }

    static func refusal(_ proposal: AdjustmentProposal, accounts: Set<Int>, journals: [Int: Journal], lockDates: LockDates) -> String? {
        let entry = proposal.entry
        guard entry.lines.count >= 2 else { return "the entry has fewer than two lines" }
        guard entry.isBalanced else { return "the entry does not balance (off by \(entry.imbalance?.description ?? "?"))" }
        if let unknown = entry.lines.first(where: { !accounts.contains($0.accountID) }) {
            return "account \(unknown.accountID) is not in the company's chart"
        }
        guard let journal = journals[entry.journalID] else { return "journal \(entry.journalID) is not in the company's books" }
        let guardian = LockDateGuard(lockDates: lockDates)
        for date in [entry.date] + (entry.reversalDate.map { [$0] } ?? []) {
            if let reason = guardian.refusal(date: date, journalType: journal.type) { return reason }
        }
        return nil
    }
}
