import Ledger

/// Which partners and accounts a finding's record is on, from what triage already indexed: a line's own, an entry's
/// (its partner and every line's), a statement line's partner, an account or a partner record itself.
struct RecordReach {
    let facts: RecordFacts

    func partners(of record: FindingRecord) -> Set<Int> {
        switch record.model {
        case "res.partner": return [record.id]
        case "account.move.line": return Set(facts.line(record.id).flatMap(\.partnerID).map { [$0] } ?? [])
        case "account.bank.statement.line": return Set(facts.statementLine(record.id).flatMap(\.partnerID).map { [$0] } ?? [])
        case "account.move":
            let context = facts.context
            guard let position = context.moveIndex[record.id] else { return [] }
            var partners = Set(context.lines(ofMoveAt: position).compactMap(\.partnerID))
            if let partner = context.snapshot.moves[position].partnerID { partners.insert(partner) }
            return partners
        default: return []
        }
    }

    func accounts(of record: FindingRecord) -> Set<Int> {
        switch record.model {
        case "account.account": return [record.id]
        case "account.move.line": return Set(facts.line(record.id).map { [$0.accountID] } ?? [])
        case "account.move":
            let context = facts.context
            guard let position = context.moveIndex[record.id] else { return [] }
            return Set(context.lines(ofMoveAt: position).map(\.accountID))
        default: return []
        }
    }

    /// The partners every record of the finding is on.
    func commonPartners(_ finding: Finding) -> Set<Int> { common(finding, partners(of:)) }
    /// The accounts every record of the finding is on.
    func commonAccounts(_ finding: Finding) -> Set<Int> { common(finding, accounts(of:)) }

    private func common(_ finding: Finding, _ reach: (FindingRecord) -> Set<Int>) -> Set<Int> {
        guard let first = finding.records.first else { return [] }
        return finding.records.dropFirst().reduce(reach(first)) { $0.intersection(reach($1)) }
    }
}
