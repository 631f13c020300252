public import Ledger

/// What is owed on one day, by how long past its due date: not yet due, 1–30, 31–60, 61–90 and more than
/// 90 days. Exact amounts in the company's currency.
public struct AgingBuckets: Sendable, Codable, Hashable {
    public enum Bucket: String, Sendable, Codable, CaseIterable {
        case current
        case days1To30 = "1-30"
        case days31To60 = "31-60"
        case days61To90 = "61-90"
        case over90 = "90+"

        public init(daysPastDue days: Int) {
            self = switch days {
            case ...0: .current
            case 1...30: .days1To30
            case 31...60: .days31To60
            case 61...90: .days61To90
            default: .over90
            }
        }

        /// "current", "1–30 days", …: for tables and charts.
        public var title: String { self == .current ? "current" : "\(rawValue) days" }
    }

    public var current: Money
    public var days1To30: Money
    public var days31To60: Money
    public var days61To90: Money
    public var over90: Money

    public init(zero: Money) {
        current = zero
        days1To30 = zero
        days31To60 = zero
        days61To90 = zero
        over90 = zero
    }

    public subscript(bucket: Bucket) -> Money {
        get {
            switch bucket {
            case .current: current
            case .days1To30: days1To30
            case .days31To60: days31To60
            case .days61To90: days61To90
            case .over90: over90
            }
        }
        set {
            switch bucket {
            case .current: current = newValue
            case .days1To30: days1To30 = newValue
            case .days31To60: days31To60 = newValue
            case .days61To90: days61To90 = newValue
            case .over90: over90 = newValue
            }
        }
    }

    /// Adds `minorUnits` owed `daysPastDue` days after the due date (zero or less: not yet due).
    public mutating func add(_ minorUnits: Int64, daysPastDue: Int) {
        self[Bucket(daysPastDue: daysPastDue)].minorUnits += minorUnits
    }

    /// Every bucket in order, current first.
    public var buckets: [(bucket: Bucket, amount: Money)] { Bucket.allCases.map { ($0, self[$0]) } }
}
