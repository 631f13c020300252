public import Ledger

/// What the period's movement is compared with.
public enum FluxComparison: String, Sendable, Codable, Hashable, CaseIterable {
    case priorPeriod = "prior-period"
    case samePeriodLastYear = "same-period-last-year"
    case yearToDate = "year-to-date"

    public var title: String {
        switch self {
        case .priorPeriod: "Against the prior period"
        case .samePeriodLastYear: "Against the same period last year"
        case .yearToDate: "Year to date against the same span last year"
        }
    }
}

/// One entry or partner behind a variance, with its amount on the account in the period, signed like
/// the variance (in the account's natural direction).
public struct FluxDriver: Sendable, Codable, Hashable {
    public var id: Int
    public var name: String
    /// For an entry: its partner's name, when it has one.
    public var partner: String?
    public var amount: Money
}

/// One account whose movement moved materially against a base.
public struct FluxVariance: Sendable, Codable, Hashable {
    public var comparison: FluxComparison
    public var accountID: Int
    public var code: String
    public var name: String
    /// The span compared with, e.g. "2025-09" or "2025-01-01..2025-10-31".
    public var baseLabel: String
    /// How the amounts are signed: debit − credit for asset and expense accounts, credit − debit for
    /// liability, equity and income accounts, so that "rose" means the balance grew either way.
    public var nature: BalanceNature
    public var current: Money
    public var base: Money
    public var delta: Money
    /// delta / |base| in percent, for display only; nil when the base is zero.
    public var percent: Double?
    public var topEntries: [FluxDriver]
    public var topPartners: [FluxDriver]
    public var narrative: String
}

/// Trial-balance flux: per account, the period's movement (posted lines, company currency, in the
/// account's natural direction) against the prior period, the same period last year, and year to date against the same
/// span of the previous fiscal year. One pass over the lines; exact integer money throughout.
public struct FluxAnalysis: Sendable, Codable {
    public var period: Period
    public var thresholds: FluxThresholds
    /// Sorted by comparison (in `FluxComparison.allCases` order), then by |delta| descending, then account code.
    public var variances: [FluxVariance]

    public func variances(_ comparison: FluxComparison) -> [FluxVariance] { variances.filter { $0.comparison == comparison } }

    public init(snapshot: LedgerSnapshot, period: Period, thresholds: FluxThresholds = FluxThresholds()) {
        self.period = period
        self.thresholds = thresholds
        let home = snapshot.company.currency
        let moves = Dictionary(snapshot.moves.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let accounts = Dictionary(snapshot.accounts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let partners = Dictionary(snapshot.partners.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })

        let prior = period.previous, lastYear = period.advanced(by: -12)
        let decimals = home.decimalPlaces
        let ytdStart = FiscalYear.start(containing: period.start, company: snapshot.company)
        let ytd = DateRange(ytdStart, period.end)
        let priorYTD = DateRange(ytdStart.adding(months: -12), period.end.adding(months: -12))

        // Slots: 0 current, 1 prior period, 2 same period last year, 3 YTD, 4 prior YTD.
        var sums: [Int: [Int64]] = [:]
        var byMove: [Int: [Int: Int64]] = [:], byPartner: [Int: [Int: Int64]] = [:]
        for line in snapshot.lines {
            guard let move = moves[line.moveID], move.state == .posted else { continue }
            let type = accounts[line.accountID]?.type
            guard thresholds.scope.includes(type) else { continue }
            let debitMinusCredit = line.debit.minorUnits - line.credit.minorUnits
            let amount = type?.hasCreditNature == true ? -debitMinusCredit : debitMinusCredit
            let date = line.date
            var slots = sums[line.accountID] ?? [0, 0, 0, 0, 0]
            var touched = false
            if period.contains(date) {
                slots[0] += amount; touched = true
                byMove[line.accountID, default: [:]][move.id, default: 0] += amount
                if let partner = line.partnerID ?? move.partnerID { byPartner[line.accountID, default: [:]][partner, default: 0] += amount }
            }
            if prior.contains(date) { slots[1] += amount; touched = true }
            if lastYear.contains(date) { slots[2] += amount; touched = true }
            if ytd.contains(date) { slots[3] += amount; touched = true }
            if priorYTD.contains(date) { slots[4] += amount; touched = true }
            if touched { sums[line.accountID] = slots }
        }

        func top(_ amounts: [Int: Int64]?, name: (Int) -> String, partner: (Int) -> String?) -> [FluxDriver] {
            (amounts ?? [:]).map { (id: $0.key, amount: $0.value, name: name($0.key)) }
                .sorted { ($1.amount.magnitude, $0.name, $0.id) < ($0.amount.magnitude, $1.name, $1.id) }
                .prefix(3)
                .map { FluxDriver(id: $0.id, name: $0.name, partner: partner($0.id), amount: home.money($0.amount)) }
        }

        let specs: [(FluxComparison, Int, Int, String)] = [
            (.priorPeriod, 0, 1, prior.description),
            (.samePeriodLastYear, 0, 2, lastYear.description),
            (.yearToDate, 3, 4, "\(priorYTD.first)..\(priorYTD.last)"),
        ]
        var found: [FluxVariance] = []
        for (accountID, slots) in sums {
            var entries: [FluxDriver]?, partnerDrivers: [FluxDriver]?
            for (comparison, currentSlot, baseSlot, label) in specs {
                let current = slots[currentSlot], base = slots[baseSlot], delta = current - base
                guard thresholds.isMaterial(delta: delta, base: base, decimalPlaces: decimals) else { continue }
                if entries == nil {
                    entries = top(byMove[accountID], name: { moves[$0]?.name ?? "entry \($0)" },
                                  partner: { moves[$0]?.partnerID.flatMap { partners[$0] } })
                    partnerDrivers = top(byPartner[accountID], name: { partners[$0] ?? "partner \($0)" }, partner: { _ in nil })
                }
                let account = accounts[accountID]
                var variance = FluxVariance(
                    comparison: comparison, accountID: accountID, code: account?.code ?? "?", name: account?.name ?? "unknown account \(accountID)",
                    baseLabel: label, nature: account?.type.hasCreditNature == true ? .credit : .debit,
                    current: home.money(current), base: home.money(base), delta: home.money(delta),
                    percent: base == 0 ? nil : Double(delta) / Double(base.magnitude) * 100,
                    topEntries: entries ?? [], topPartners: partnerDrivers ?? [], narrative: "")
                variance.narrative = Self.narrative(variance)
                found.append(variance)
            }
        }
        let order = Dictionary(uniqueKeysWithValues: FluxComparison.allCases.enumerated().map { ($1, $0) })
        variances = found.sorted {
            (order[$0.comparison]!, $1.delta.minorUnits.magnitude, $0.code, $0.accountID)
                < (order[$1.comparison]!, $0.delta.minorUnits.magnitude, $1.code, $1.accountID)
        }
    }

    /// "Office Supplies (628000) rose 2,310.00 USD (+412 %) against 2025-09, driven by BILL/2026/10/0031 (Staples Office Supply, 2,480.00)."
    public static func narrative(_ variance: FluxVariance) -> String {
        let verb = variance.delta.minorUnits >= 0 ? "rose" : "fell"
        let change: String
        if let percent = variance.percent {
            let rounded = Int(percent.rounded())
            change = "(\(rounded >= 0 ? "+" : "")\(rounded) %)"
        } else {
            change = "(from zero)"
        }
        var text = "\(variance.name) (\(variance.code)) \(verb) \(variance.delta.magnitude) \(change) against \(variance.baseLabel)"
        if let entry = variance.topEntries.first {
            let detail = (entry.partner.map { [$0] } ?? []) + [plain(entry.amount)]
            text += ", driven by \(entry.name) (\(detail.joined(separator: ", ")))"
        } else {
            text += ", with no entries on the account this period"
        }
        return text + "."
    }

    /// "2,480.00": the grouped amount without its currency code.
    static func plain(_ money: Money) -> String {
        let text = money.description
        let suffix = " " + money.currency.description
        return text.hasSuffix(suffix) ? String(text.dropLast(suffix.count)) : text
    }
}
