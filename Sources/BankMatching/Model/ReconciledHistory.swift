import Ledger

/// What the company's reconciled bank lines teach: for each reconciled statement line, the items it
/// settled and the account any remainder went to; when each item stopped being open; how late each
/// partner pays; and which statement texts always go to the same account (bank fees, payroll).
struct ReconciledHistory {
    struct Outcome {
        var itemLineIDs: Set<Int>
        /// The non-reconcilable account the statement line's counterpart (or its difference) went to.
        var accountID: Int?
    }

    var outcomes: [Int: Outcome] = [:]          // statement line id → what it was matched with
    var settledOn: [Int: LocalDate] = [:]        // item line id → last day it was open
    var delays: [Int: [Int]] = [:]               // partner → days from due date to payment
    var memory: [String: [Int: Int]] = [:]       // text words → account → lines
    var textTotals: [String: Int] = [:]

    init(_ snapshot: LedgerSnapshot) {
        let reconcilable = Set(snapshot.accounts.filter(\.reconcile).map(\.id))
        let liquidity = Set(snapshot.journals.compactMap(\.defaultAccountID))
        let lines = snapshot.lines
        // Positions in `lines`, not copies of the lines: for ten million lines, copies would be gigabytes.
        var groups: [String: [Int32]] = [:]
        for (position, line) in lines.enumerated() { if let number = line.matchingNumber { groups[number, default: []].append(Int32(position)) } }
        for group in groups.values {
            let last = group.lazy.map { lines[Int($0)].date }.max()!
            for position in group { settledOn[lines[Int(position)].id] = last }
        }
        // Only reconciled statement lines' entries and the entries they settled are looked at.
        let statementMoves = Set(snapshot.statementLines.lazy.filter(\.isReconciled).map(\.moveID))
        var linesByMove: [Int: [Int32]] = [:]
        for (position, line) in lines.enumerated() where statementMoves.contains(line.moveID) {
            linesByMove[line.moveID, default: []].append(Int32(position))
        }
        let settledMoves = Set(groups.values.joined().map { lines[Int($0)].moveID })
        let dueDates = Dictionary(snapshot.moves.lazy.filter { settledMoves.contains($0.id) }.compactMap { move in move.dueDate.map { (move.id, $0) } },
                                  uniquingKeysWith: { a, _ in a })

        for statement in snapshot.statementLines where statement.isReconciled {
            var items: Set<Int> = []
            var account: Int?
            for line in (linesByMove[statement.moveID] ?? []).lazy.map({ lines[Int($0)] }) where !liquidity.contains(line.accountID) {
                if let number = line.matchingNumber, reconcilable.contains(line.accountID) {
                    for other in (groups[number] ?? []).lazy.map({ lines[Int($0)] }) where other.moveID != statement.moveID {
                        items.insert(other.id)
                        if let partner = other.partnerID, let due = dueDates[other.moveID] {
                            delays[partner, default: []].append(due.days(until: statement.date))
                        }
                    }
                } else if !reconcilable.contains(line.accountID) {
                    account = account ?? line.accountID
                }
            }
            outcomes[statement.id] = Outcome(itemLineIDs: items, accountID: account)
            let text = Self.words(statement.paymentRef)
            guard !text.isEmpty else { continue }
            textTotals[text, default: 0] += 1
            if items.isEmpty, let account { memory[text, default: [:]][account, default: 0] += 1 }
        }
    }

    /// The letters of a bank text, digits and punctuation dropped: "SALARY RUN 2026-10" → "SALARY RUN".
    static func words(_ text: String?) -> String {
        text.map { TextWords.split($0, keepingDigits: false).joined(separator: " ") } ?? ""
    }

    /// The account earlier lines with this text went to, when at least two did and most agree.
    func counterpart(for text: String) -> (accountID: Int, agreeing: Int, total: Int)? {
        guard let accounts = memory[text], let (account, count) = accounts.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }),
              count >= 2 else { return nil }
        return (account, count, textTotals[text] ?? count)
    }
}
