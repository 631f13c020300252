import Ledger

/// What triage needs to know about the records findings name — amounts, authors, accounts — looked up once:
/// only the lines and statement lines findings name are indexed, so a million-line ledger costs one scan.
struct RecordFacts {
    let context: CheckContext
    private var lines: [Int: JournalLine] = [:]
    private var statementLines: [Int: StatementLine] = [:]

    init(_ context: CheckContext, findings: [Finding]) {
        self.context = context
        var lineIDs = Set<Int>(), statementIDs = Set<Int>()
        for record in findings.lazy.flatMap(\.records) {
            switch record.model {
            case "account.move.line": lineIDs.insert(record.id)
            case "account.bank.statement.line": statementIDs.insert(record.id)
            default: break
            }
        }
        // By position and id only: a line is copied when a finding names it, not on the way.
        if let low = lineIDs.min(), let high = lineIDs.max() {
            let all = context.snapshot.lines
            for index in all.indices {
                let id = all[index].id
                if id >= low && id <= high && lineIDs.contains(id) { lines[id] = all[index] }
            }
        }
        if !statementIDs.isEmpty {
            let all = context.snapshot.statementLines
            for index in all.indices where statementIDs.contains(all[index].id) { statementLines[all[index].id] = all[index] }
        }
    }

    func line(_ id: Int) -> JournalLine? { lines[id] }
    func statementLine(_ id: Int) -> StatementLine? { statementLines[id] }

    /// The unsigned amount a record stands for in the company currency: an entry's total, a line's or a
    /// statement line's amount, an account's balance; nil for records without one (a journal, a partner).
    func amount(of record: FindingRecord) -> Int64? {
        switch record.model {
        case "account.move.line": return lines[record.id].map(context.magnitude)
        case "account.bank.statement.line": return statementLines[record.id].map { Swift.abs($0.amount.minorUnits) }
        case "account.account":
            // The balances the suspense and clearing checks read, scanned once per context (`SharedScans`).
            guard let position = context.accountIndex[record.id] else { return nil }
            let balance = context.shared.balancesAtPeriodEnd(context)[position]
            return balance == 0 ? nil : Swift.abs(balance)
        case "account.move":
            guard let position = context.moveIndex[record.id] else { return nil }
            return context.lines(ofMoveAt: position).reduce(0) { $0 + $1.debit.minorUnits }
        default: return nil
        }
    }

    /// The sum of the amounts of a finding's records; nil when none of them has an amount.
    func amount(of finding: Finding) -> Int64? {
        let amounts = finding.records.compactMap(amount(of:))
        return amounts.isEmpty ? nil : amounts.reduce(0, +)
    }
}
