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
/// the larger; and, for a finding on one account's lines, against that account's balance for the period) and risk (severity, an anomaly's score, the history's weight), and marks the first screen:
/// every blocking finding and every warning risky enough (the rule set's `first_screen_min_risk`) or of an amount
/// that is not trivial. What it folds: advisories, premise notes, patterns to confirm once, and warnings of trivial
/// amounts the detectors or the history rate low.
struct FindingRanker {
    let facts: RecordFacts
    let rules: TriageRules
    let risk: FindingRiskInput

    func apply(_ findings: [Finding]) -> [Finding] {
        let sums = PeriodSums(facts.context)
        // Ties (two material amounts, say) go to the larger share of its account, then the larger amount, then the checks' order.
        let scored = findings.enumerated().map { index, finding -> (Finding, Double, Int, Int64, Int) in
            var finding = finding
            let amount = facts.amount(of: finding)
            let basisPoints = amount.flatMap { amount in sums.size.map { Self.basisPoints(amount, of: $0) } }
            let accountShare = amount.flatMap { amount in account(of: finding).flatMap { sums.accountBalance($0) }.map { Self.basisPoints(amount, of: $0) } }
            let riskValue = self.risk(of: finding)
            finding.ranking = FindingRanking(rank: 0, amount: amount.map(facts.context.money), materiality: level(basisPoints),
                                             materialityBasisPoints: basisPoints, risk: riskValue, onFirstScreen: false)
            finding.ranking?.accountShareBasisPoints = accountShare
            return (finding, (riskValue + weight(basisPoints)) / 2, accountShare ?? 0, amount ?? 0, index)
        }
        let ordered = scored.sorted {
            ($0.0.severity == .blocking ? 0 : 1, -$0.1, -$0.2, -$0.3, $0.4) < ($1.0.severity == .blocking ? 0 : 1, -$1.1, -$1.2, -$1.3, $1.4)
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

    static func basisPoints(_ amount: Int64, of whole: Int64) -> Int { Int(min(Int64(Int.max / 2), amount * 10_000 / whole)) }

    /// The one account a finding's lines are on; nil when they are on several, or it names no line.
    func account(of finding: Finding) -> Int? {
        let accounts = Set(finding.records.compactMap { $0.model == "account.move.line" ? facts.line($0.id)?.accountID : nil })
        return accounts.count == 1 ? accounts.first : nil
    }

    /// The period's figures ranking weighs amounts against, summed in one pass over its posted lines: the company's size
    /// (its expenses or revenue, the larger) and each account's balance for the period.
    struct PeriodSums {
        let size: Int64?
        let accountIndex: IDIndex
        let balances: [Int64]

        init(_ context: CheckContext) {
            // Each account's nature read once (an account type is text): 1 an expense, -1 revenue, 0 not profit and loss.
            let nature: [Int8] = context.snapshot.accounts.map { $0.type.isProfitAndLoss ? ($0.type.hasCreditNature ? -1 : 1) : 0 }
            let lines = context.snapshot.lines
            var expenses: Int64 = 0, revenue: Int64 = 0
            var balances = [Int64](repeating: 0, count: nature.count)
            context.forEachPostedLineIndexInPeriod { index in
                guard let position = context.accountIndex[lines[index].accountID] else { return }
                let net = lines[index].debit.minorUnits - lines[index].credit.minorUnits
                balances[position] += net
                if nature[position] < 0 { revenue -= net } else if nature[position] > 0 { expenses += net }
            }
            let size = max(expenses, revenue)
            self.size = size > 0 ? size : nil
            self.balances = balances
            accountIndex = context.accountIndex
        }

        /// The account's balance for the period, unsigned; nil when it is zero.
        func accountBalance(_ accountID: Int) -> Int64? {
            guard let position = accountIndex[accountID], balances[position] != 0 else { return nil }
            return Swift.abs(balances[position])
        }
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
