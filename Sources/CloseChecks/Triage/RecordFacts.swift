import Ledger

/// What triage needs to know about the records findings name — amounts, authors, accounts — looked up once:
/// only the lines and statement lines findings name are indexed, so a million-line ledger costs one scan.
struct RecordFacts {
    let context: CheckContext
    private var lines: [Int: JournalLine] = [:]
    private var statementLines: [Int: StatementLine] = [:]
    private var accountBalances: [Int: Int64] = [:]

    init(_ context: CheckContext, findings: [Finding]) {
        self.context = context
        var lineIDs = Set<Int>(), statementIDs = Set<Int>(), accountCodes: [String] = []
        for record in findings.lazy.flatMap(\.records) {
            switch record.model {
            case "account.move.line": lineIDs.insert(record.id)
            case "account.bank.statement.line": statementIDs.insert(record.id)
            case "account.account": if let account = context.account(id: record.id) { accountCodes.append(account.code) }
            default: break
            }
        }
        if !lineIDs.isEmpty {
            for line in context.snapshot.lines where lineIDs.contains(line.id) { lines[line.id] = line }
        }
        if !statementIDs.isEmpty {
            for line in context.snapshot.statementLines where statementIDs.contains(line.id) { statementLines[line.id] = line }
        }
        for (account, balance) in context.nonZeroBalances(codes: accountCodes) { accountBalances[account.id] = balance }
    }

    func line(_ id: Int) -> JournalLine? { lines[id] }
    func statementLine(_ id: Int) -> StatementLine? { statementLines[id] }

    /// The unsigned amount a record stands for in the company currency: an entry's total, a line's or a
    /// statement line's amount, an account's balance; nil for records without one (a journal, a partner).
    func amount(of record: FindingRecord) -> Int64? {
        switch record.model {
        case "account.move.line": return lines[record.id].map(context.magnitude)
        case "account.bank.statement.line": return statementLines[record.id].map { Swift.abs($0.amount.minorUnits) }
        case "account.account": return accountBalances[record.id].map { Swift.abs($0) }
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
