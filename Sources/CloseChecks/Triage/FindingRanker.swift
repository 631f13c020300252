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
/// every blocking finding, then the highest-ranked up to the rule set's limit.
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
        let blocking = ordered.filter { $0.severity == .blocking }.count
        let screen = max(rules.firstScreen, blocking)
        return ordered.enumerated().map { position, finding in
            var finding = finding
            finding.ranking?.rank = position + 1
            finding.ranking?.onFirstScreen = position < screen
            return finding
        }
    }

    /// The company's size in minor units: the period's posted expenses or revenue, the larger; nil when both are nil.
    func companySize() -> Int64? {
        let context = facts.context
        let types = context.snapshot.accounts.map(\.type)
        var expenses: Int64 = 0, revenue: Int64 = 0
        context.forEachPostedLineInPeriod { _, index in
            let line = context.snapshot.lines[index]
            guard let position = context.accountIndex[line.accountID], types[position].isProfitAndLoss else { return }
            let net = line.debit.minorUnits - line.credit.minorUnits
            if types[position].hasCreditNature { revenue -= net } else { expenses += net }
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

    /// The check's severity, an anomaly's score when it has one, and the history's weight for the kind.
    func risk(of finding: Finding) -> Double {
        let base: Double = switch finding.severity {
        case .blocking: 1
        case .warning: 0.6
        case .advisory: 0.2
        }
        let score = finding.evidence["score"].flatMap(Double.init) ?? 1
        return min(1, max(0, base * score * (risk.weightByCheck[finding.checkID] ?? 1)))
    }
}
