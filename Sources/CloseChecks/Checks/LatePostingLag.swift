import Ledger

/// How long after a month ends the company usually keeps keying in entries dated in it, learned from its own
/// history when the rule set does not fix `late_posting_grace_days`: the lag by which 95 % of the entries dated in
/// the twelve months before the period had been created (an entry keyed in within its own month lags 0 days). A
/// company that books its suppliers' last bills on the 2nd of the next month learns 2 days, and late-posting
/// stops firing on its routine; capped so that a habit of booking very late cannot hide a late entry altogether.
struct LatePostingLag {
    /// Fewer earlier entries than this teach nothing: the grace is 0.
    static let minimumEntries = 50
    static let share = 95
    static let capDays = 10

    let days: Int
    let entries: Int

    init?(_ context: CheckContext) {
        let start = context.period.start, from = start.adding(months: -12)
        var lags: [Int] = []
        let moves = context.snapshot.moves
        for position in moves.indices where moves[position].state == .posted && moves[position].date >= from && moves[position].date < start {
            lags.append(max(0, Period(containing: moves[position].date).end.days(until: moves[position].audit.createdAt.date)))
        }
        guard lags.count >= Self.minimumEntries else { return nil }
        lags.sort()
        let index = (lags.count * Self.share + 99) / 100 - 1
        days = min(Self.capDays, lags[index])
        entries = lags.count
    }
}
