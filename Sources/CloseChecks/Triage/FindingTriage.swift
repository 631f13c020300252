/// The step between the checks and the controller: checks whose premise the company does not share say so
/// once, systemic findings become one finding each, and the rest is ranked with a first screen. Pure, and one
/// pass over the ledger for the facts it needs.
public enum FindingTriage {
    /// The findings as a controller reads them, ranked (each with its `ranking`), the first screen first.
    public static func apply(_ findings: [Finding], context: CheckContext, rules: TriageRules, systemUserIDs: Set<Int> = [1],
                             risk: FindingRiskInput = FindingRiskInput()) -> [Finding] {
        let facts = RecordFacts(context, findings: findings)
        let fitted = CompanyPremises(context: context, rules: rules, systemUserIDs: systemUserIDs).apply(findings)
        let grouped = SystemicGrouping(facts: facts, rules: rules).apply(fitted)
        return FindingRanker(facts: facts, rules: rules, risk: risk).apply(grouped)
    }
}
