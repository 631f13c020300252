/// The step between the checks and the controller: checks whose premise the company does not share say so
/// once, systemic findings become one finding each, what a controller dismissed is set aside (one note per
/// dismissal), and the rest is ranked with a first screen. Pure, and one pass over the ledger for the facts it needs.
public enum FindingTriage {
    /// The findings as a controller reads them, ranked (each with its `ranking`), the first screen first and the
    /// dismissals' notes last, off the first screen.
    public static func apply(_ findings: [Finding], context: CheckContext, rules: TriageRules, systemUserIDs: Set<Int> = [1],
                             risk: FindingRiskInput = FindingRiskInput(), dismissals: [Dismissal] = []) -> [Finding] {
        let facts = RecordFacts(context, findings: findings)
        let fitted = CompanyPremises(context: context, rules: rules, systemUserIDs: systemUserIDs).apply(findings)
        let grouped = SystemicGrouping(facts: facts, rules: rules).apply(fitted)
        let (kept, notes) = DismissalFilter(facts: facts, dismissals: dismissals).apply(grouped)
        let ranker = FindingRanker(facts: facts, rules: rules, risk: risk)
        let ranked = ranker.apply(kept)
        let setAside = ranker.apply(notes).map { note in
            var note = note
            note.ranking?.rank += ranked.count
            note.ranking?.onFirstScreen = false
            return note
        }
        return (ranked + setAside).map { finding in
            var finding = finding
            finding.ranking?.riskReason = risk.reasonByCheck[finding.checkID]
            return finding
        }
    }
}
