import Ledger

/// Tunable limits of the anomaly detectors. Plain values; every default is documented next to it.
public struct AnomalyThresholds: Sendable, Hashable {
    // duplicate-vendor-bill
    /// Totals may differ by at most this fraction of the larger total (0.01 = 1 %).
    public var duplicateTotalTolerance: Double = 0.01
    /// Bill dates at most this many days apart.
    public var duplicateMaxDays: Int = 10
    /// Normalised references (letters and digits, upper case) within this Levenshtein distance.
    public var duplicateMaxEditDistance: Int = 2
    /// A duplicate is one document keyed twice with at most one field retyped: when on (the default),
    /// bills whose totals differ *and* whose references differ are not reported. Suppliers number
    /// their invoices consecutively, so two genuine bills a week apart routinely have references one
    /// or two edits apart and totals within 1 %; without this rule most findings are such pairs.
    public var duplicateOneFieldRetyped: Bool = true

    // unusual-amount
    /// Accounts need at least this many history lines to have a baseline.
    public var unusualMinHistoryLines: Int = 6
    /// A line is unusual when its robust z-score (x − median) / (1.4826 · MAD) reaches this…
    public var unusualMinRobustZ: Double = 8
    /// …and it is at least this many times the median.
    public var unusualMinMedianMultiple: Double = 4

    // rare-account-partner
    /// The partner must have at least this many history lines for a new pair to be surprising.
    public var rarePartnerMinHistoryLines: Int = 3

    // benford-deviation
    /// Vendors need at least this many bill lines (history and period).
    public var benfordMinLines: Int = 20
    /// Nigrini's first-digit nonconformity threshold for the mean absolute deviation.
    public var benfordMaxMAD: Double = 0.015
    /// Small samples deviate by chance: the MAD must also exceed this many times its expected value
    /// under Benford's law for the sample size (≈ 0.235 / √n).
    public var benfordSamplingAllowance: Double = 2.5

    // round-amount-manual-entry
    /// The largest line must be a multiple of this many currency units…
    public var roundUnit: Int64 = 1_000
    /// …and at least this many currency units.
    public var roundMinimum: Int64 = 5_000
    /// Not flagged when the same amount was booked in general journals in at least this many prior months.
    public var roundRecurringMonths: Int = 3

    // weekend-posting, unusual-user-journal
    /// Users that are not people (OdooBot / __system__ is user 1 in Odoo).
    public var systemUserIDs: Set<Int> = [1]
    /// A journal needs at least this many history moves before a new user in it is unusual.
    public var unusualUserMinJournalMoves: Int = 6

    // missing-recurring-bill
    /// Look back this many months before the period…
    public var recurringLookbackMonths: Int = 4
    /// …and call a vendor recurring when it billed in at least this many of them.
    public var recurringMinMonths: Int = 3
    /// The expected amount is the mean untaxed amount of this many latest bills.
    public var recurringExpectedBills: Int = 3

    public init() {}
}

/// A statistical detector that learns what is normal from the company's own history (posted entries
/// dated before the period) and reports what in the period departs from it. Pure: no I/O.
public struct AnomalyDetector: Sendable {
    public var id: String
    public var title: String
    /// What the detector looks for and how it decides; docs/checks.md is generated from it.
    public var explanation: String
    public var run: @Sendable (CheckContext, AnomalyThresholds) -> [Finding]

    public init(id: String, title: String, explanation: String, run: @escaping @Sendable (CheckContext, AnomalyThresholds) -> [Finding]) {
        self.id = id
        self.title = title
        self.explanation = explanation
        self.run = run
    }

    /// A detector reporting anomalies; stamps each with its id, a severity and the period.
    init(id: String, title: String, explanation: String, severity: Severity = .warning,
         detect: @escaping @Sendable (CheckContext, AnomalyThresholds) -> [Anomaly]) {
        self.init(id: id, title: title, explanation: explanation) { context, thresholds in
            detect(context, thresholds).map {
                var evidence = $0.evidence
                evidence["score"] = AnomalyMath.format($0.score, decimals: 2)
                evidence["reason"] = $0.reason
                return Finding(checkID: id, severity: severity, period: context.period, company: context.companyRecord, records: $0.records,
                               message: $0.message, evidence: evidence)
            }
        }
    }
}

/// What a detector reports: the records, a message, a score in 0…1 and the reason in plain words.
struct Anomaly {
    var records: [FindingRecord]
    var message: String
    var score: Double
    var reason: String
    var evidence: [String: String] = [:]
}

/// Every anomaly detector, in one list. Ids match the demo company's ground-truth kinds.
public enum AnomalyRegistry {
    public static let all: [AnomalyDetector] = [
        AnomalyDetector.duplicateVendorBill,
        AnomalyDetector.unusualAmount,
        AnomalyDetector.rareAccountPartner,
        AnomalyDetector.benfordDeviation,
        AnomalyDetector.roundAmountManualEntry,
        AnomalyDetector.weekendPosting,
        AnomalyDetector.unusualUserJournal,
        AnomalyDetector.missingRecurringBill,
    ]

    public static func detector(id: String) -> AnomalyDetector? { all.first { $0.id == id } }

    /// Runs every detector; findings sorted by severity, detector id, then first record id.
    public static func run(_ context: CheckContext, _ thresholds: AnomalyThresholds = AnomalyThresholds()) -> [Finding] {
        run(all, context, thresholds)
    }

    public static func run(_ detectors: [AnomalyDetector], _ context: CheckContext, _ thresholds: AnomalyThresholds) -> [Finding] {
        detectors.flatMap { $0.run(context, thresholds) }.sorted {
            ($0.severity.rank, $0.checkID, $0.records.first?.id ?? 0, $0.message)
                < ($1.severity.rank, $1.checkID, $1.records.first?.id ?? 0, $1.message)
        }
    }
}

/// Small numeric helpers shared by the detectors.
enum AnomalyMath {
    /// Median of values (sorts a copy: n log n).
    static func median(_ values: [Int64]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[mid]) : (Double(sorted[mid - 1]) + Double(sorted[mid])) / 2
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    /// Fixed-point text without Foundation: 0.734 → "0.73".
    static func format(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value > 0 ? "inf" : "-inf" }
        var factor = 1.0
        for _ in 0..<decimals { factor *= 10 }
        let scaled = Int64((abs(value) * factor).rounded())
        let whole = scaled / Int64(factor), fraction = scaled % Int64(factor)
        var text = (value < 0 && scaled != 0 ? "-" : "") + String(whole)
        if decimals > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return text
    }

    /// Maps a ratio ≥ 1 of "how far past the threshold" onto 0.5…1: at the threshold 0.5, twice it ≈ 0.75.
    static func score(excess ratio: Double) -> Double {
        guard ratio.isFinite else { return 1 }
        return min(1, max(0, 1 - 0.5 / max(ratio, 1)))
    }

    /// Levenshtein distance over bytes, giving up (returning limit + 1) once it exceeds `limit`.
    static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// Letters and digits only, upper case: "inv-2026/0042 " → "INV20260042".
    static func normalizedReference(_ text: String) -> [UInt8] {
        text.utf8.compactMap { byte in
            switch byte {
            case 48...57, 65...90: byte
            case 97...122: byte & 0xDF
            default: nil
            }
        }
    }

    /// Month index (year · 12 + month − 1), for counting distinct months cheaply.
    static func monthIndex(_ date: LocalDate) -> Int {
        let (year, month, _) = date.components
        return year * 12 + month - 1
    }
}

extension CheckContext {
    /// The amount of a line in the company currency, unsigned (its debit or credit side).
    func magnitude(_ line: JournalLine) -> Int64 { Swift.abs(line.debit.minorUnits - line.credit.minorUnits) }

    /// Minor units per whole currency unit of the company currency.
    var minorPerUnit: Int64 {
        var factor: Int64 = 1
        for _ in 0..<snapshot.company.currency.decimalPlaces { factor *= 10 }
        return factor
    }

    func partnerName(_ id: Int) -> String { snapshot.partners.first { $0.id == id }?.name ?? "partner \(id)" }

    func record(partner id: Int) -> FindingRecord { FindingRecord(model: "res.partner", id: id, name: partnerName(id)) }

    /// Plain amount text with grouping, without the currency: "2,480.00".
    func amountText(_ minorUnits: Int64) -> String {
        let text = money(minorUnits).description
        return String(text.prefix { $0 != " " })
    }

    /// Per account position: whether the account is receivable, payable, bank/cash, or carries tax lines.
    func accountExcludedFromPairs() -> [Bool] {
        var excluded = snapshot.accounts.map { $0.type == .receivable || $0.type == .payable || $0.type == .bankAndCash
            || $0.type == .creditCard }
        for line in snapshot.lines where line.kind == .tax {
            if let position = accountIndex[line.accountID] { excluded[position] = true }
        }
        return excluded
    }

    /// Whether a line is a bill/invoice body line (not tax, not the payment term).
    func isBodyLine(_ line: JournalLine) -> Bool {
        if let kind = line.kind { return kind == .product }
        guard let position = accountIndex[line.accountID] else { return true }
        return !accountIsReceivableOrPayable[position]
    }
}
