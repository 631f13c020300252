import Ledger

/// What the company's history says about each kind of finding, as a weight on its risk: above 1 when that
/// kind was a real problem here before, below 1 when controllers dismissed it (`init(history:)`); a kind
/// without history weighs 1.
public struct FindingRiskInput: Sendable, Hashable {
    public var weightByCheck: [String: Double]
    /// Why a kind weighs what it does, in words, for the ranking's `riskReason`.
    public var reasonByCheck: [String: String]

    public init(weightByCheck: [String: Double] = [:], reasonByCheck: [String: String] = [:]) {
        self.weightByCheck = weightByCheck
        self.reasonByCheck = reasonByCheck
    }
}

/// Ranks findings by materiality (their amount against the company's size: the period's expenses or revenue,
/// the larger) and risk (severity, an anomaly's score, the history's weight), and marks the first screen:
/// every blocking finding and every warning risky enough (the rule set's `first_screen_min_risk`) or of an amount
/// that is not trivial. What it folds: advisories, premise notes, patterns to confirm once, and warnings of trivial
/// amounts the detectors or the history rate low.
struct FindingRanker {
    let facts: RecordFacts
    let rules: TriageRules
    let risk: FindingRiskInput

    func apply(_ findings: [Finding]) -> [Finding] {
        let size = companySize()
        // Ties (two material amounts, say) go to the larger amount, then to the checks' order.
        let scored = findings.enumerated().map { index, finding -> (Finding, Double, Int64, Int) in
            var finding = finding
            let amount = facts.amount(of: finding)
            let basisPoints = amount.flatMap { amount in size.map { Int(min(Int64(Int.max / 2), amount * 10_000 / $0)) } }
            let materiality = level(basisPoints)
            let riskValue = self.risk(of: finding)
            finding.ranking = FindingRanking(rank: 0, amount: amount.map(facts.context.money), materiality: materiality,
                                             materialityBasisPoints: basisPoints, risk: riskValue, onFirstScreen: false)
            return (finding, (riskValue + weight(basisPoints)) / 2, amount ?? 0, index)
        }
        let ordered = scored.sorted {
            ($0.0.severity == .blocking ? 0 : 1, -$0.1, -$0.2, $0.3) < ($1.0.severity == .blocking ? 0 : 1, -$1.1, -$1.2, $1.3)
        }.map(\.0)
        return ordered.enumerated().map { position, finding in
            var finding = finding
            finding.ranking?.rank = position + 1
            let first = onFirstScreen(finding)
            finding.ranking?.onFirstScreen = first
            return finding
        }
    }

    /// Every blocking finding; a warning when it is risky enough or its amount is not trivial, unless it is a pattern
    /// to confirm once (a bulk import, a bank journal's habit); never an advisory or a premise note.
    func onFirstScreen(_ finding: Finding) -> Bool {
        guard let ranking = finding.ranking else { return true }
        switch finding.severity {
        case .blocking: return true
        case .advisory: return false
        case .warning:
            guard finding.evidence["pattern"] == nil else { return false }
            return ranking.risk >= rules.firstScreenMinRisk || ranking.materiality == .material || ranking.materiality == .moderate
        }
    }

    /// The company's size in minor units: the period's posted expenses or revenue, the larger; nil when both are nil.
    /// Each account's nature is read once (an account type is text), then the period's lines are summed by position.
    func companySize() -> Int64? {
        let context = facts.context
        let nature: [Int8] = context.snapshot.accounts.map { $0.type.isProfitAndLoss ? ($0.type.hasCreditNature ? -1 : 1) : 0 }
        let lines = context.snapshot.lines
        var expenses: Int64 = 0, revenue: Int64 = 0
        context.forEachPostedLineInPeriod { _, index in
            guard let position = context.accountIndex[lines[index].accountID], nature[position] != 0 else { return }
            let net = lines[index].debit.minorUnits - lines[index].credit.minorUnits
            if nature[position] < 0 { revenue -= net } else { expenses += net }
        }
        let size = max(expenses, revenue)
        return size > 0 ? size : nil
    }

    func level(_ basisPoints: Int?) -> Materiality {
        guard let basisPoints else { return .unknown }
        let percent = Double(basisPoints) / 100
        return percent >= rules.materialPercent ? .material : percent >= rules.trivialPercent ? .moderate : .trivial
    }

    /// 0…1 toward the rank: material amounts weigh fully, unknown ones half, trivial ones little.
    func weight(_ basisPoints: Int?) -> Double {
        guard let basisPoints else { return 0.5 }
        return min(1, Double(basisPoints) / 100 / max(rules.materialPercent, 0.0001))
    }

    /// The check's severity, an anomaly's score when it has one, and the history's weight for the kind. A pattern
    /// to confirm once (a bulk import, a journal's habit) weighs half: more often a practice than an error.
    func risk(of finding: Finding) -> Double {
        let base: Double = switch finding.severity {
        case .blocking: 1
        case .warning: 0.6
        case .advisory: 0.2
        }
        let score = finding.evidence["score"].flatMap(Double.init) ?? 1
        let pattern = finding.evidence["pattern"] == nil ? 1 : 0.5
        return min(1, max(0, base * score * pattern * (risk.weightByCheck[finding.checkID] ?? 1)))
    }
}
