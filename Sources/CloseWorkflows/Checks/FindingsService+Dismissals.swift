public import CloseChecks
public import CloseStore
public import Ledger

extension FindingsService {
    /// Dismisses a finding of the period's (default: the latest checked period's) latest check with a reason and a
    /// scope, until a day within the rule set's limit: the next checks hide what it covers and say so.
    public func dismiss(fingerprint: String, scope choice: DismissalScope.Choice, reason: String, until: LocalDate?, sourceKey: SourceKey,
                        period: Period?, asOf: LocalDate, rules: TriageRules) throws -> Dismissal {
        let period = try checkedPeriod(sourceKey: sourceKey, period)
        guard let listed = try store.listedFindings(sourceKey: sourceKey, period: period)?.first(where: { $0.fingerprint == fingerprint }) else {
            throw FindingsError.unknownFinding(fingerprint, period: period)
        }
        let finding = listed.finding
        if finding.isSetAsideNote { throw DismissalError.setAsideNote(dismissal: finding.evidence["dismissal"] ?? "?") }
        let text = try Dismissal.checked(reason: reason, until: until, scope: choice, checkID: finding.checkID, asOf: asOf,
                                         maxDays: rules.dismissalMaxDays)
        // The whole check needs no ledger; the other scopes read the records' amounts, partners and accounts from it.
        let scope = choice == .kind ? .kind
            : try Dismissal.scope(choice, of: finding, context: CheckContext(snapshot: store.loadSnapshot(sourceKey: sourceKey), period: period, asOf: asOf))
        return try store.dismissFinding(fingerprint: fingerprint, scope: scope, reason: text, until: until, sourceKey: sourceKey, period: period,
                                        actor: actor)
    }

    /// The ledger's dismissals, newest first; withdrawn ones only when asked.
    public func dismissals(sourceKey: SourceKey, includingWithdrawn: Bool) throws -> [Dismissal] {
        try store.findingDismissals(sourceKey: sourceKey, includingWithdrawn: includingWithdrawn)
    }

    /// Withdraws a dismissal (whoever made it, or a controller): the next check shows what it hid.
    public func withdrawDismissal(id: Int64, sourceKey: SourceKey) throws -> Dismissal {
        try store.withdrawDismissal(id: id, sourceKey: sourceKey, actor: actor)
    }
}
