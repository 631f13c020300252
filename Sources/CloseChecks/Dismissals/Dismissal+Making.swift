import Foundation
public import Ledger

extension Dismissal {
    /// The scope a person chose, read from the finding and the ledger: the records with their amounts now, or the one
    /// partner or account all the finding's records are on.
    public static func scope(_ choice: DismissalScope.Choice, of finding: Finding, context: CheckContext) throws(DismissalError) -> DismissalScope {
        let facts = RecordFacts(context, findings: [finding])
        let reach = RecordReach(facts: facts)
        switch choice {
        case .kind: return .kind
        case .record:
            return .records(finding.records.map { DismissedRecord(model: $0.model, id: $0.id, name: $0.name, amount: facts.amount(of: $0)) })
        case .partner:
            let partners = reach.commonPartners(finding)
            guard partners.count == 1, let partner = partners.first else {
                throw .noCommon(.partner, names: partners.map(context.partnerName).sorted())
            }
            return .partner(id: partner, name: context.partnerName(partner))
        case .account:
            let accounts = reach.commonAccounts(finding)
            guard accounts.count == 1, let account = accounts.first else {
                throw .noCommon(.account, names: accounts.map(context.accountName).sorted())
            }
            return .account(id: account, name: context.accountName(account))
        }
    }

    /// The reason trimmed, after checking it is there and that the expiry is given where it must be, not past, and
    /// within the rule set's limit (`triage.dismissal_max_days`) of `asOf`.
    public static func checked(reason: String, until: LocalDate?, scope: DismissalScope.Choice, checkID: String, asOf: LocalDate,
                               maxDays: Int) throws(DismissalError) -> String {
        let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .reasonRequired }
        if scope == .kind && until == nil { throw .expiryRequired(checkID: checkID) }
        if let until {
            if until < asOf { throw .expiryPassed(until, asOf: asOf) }
            let latest = asOf.adding(days: maxDays)
            if until > latest { throw .expiryTooFar(until, latest: latest, maxDays: maxDays) }
        }
        return text
    }
}
