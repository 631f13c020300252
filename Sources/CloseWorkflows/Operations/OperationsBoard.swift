public import CloseSettings
public import CloseStore
public import Foundation
public import Governance
import Payables

/// `closer operations`: every open business exception of payables, receivables, treasury and expenses (and the
/// duties conflicts) with its owner, age and SLA, most overdue first; and, apart, the technical incidents that page
/// the administrator. Read from the store alone: what the intake, reviews and runs recorded.
public struct OperationsBoard: Sendable, Encodable {
    public var asOf: Date
    public var exceptions: [BusinessException]
    public var incidents: [TechnicalIncident]

    /// `rules`: the `operations` section's owners and SLAs, and `payables.intake`'s for the bills it holds.
    public init(store: AppDatabase, rules: RuleSet, asOf now: Date = Date()) throws {
        asOf = now
        let open = OpenExceptions(store: store, policy: rules.operations, intake: rules.payables.intake)
        exceptions = try (open.payables() + open.receivables() + open.treasury() + open.sighted()).sorted { lhs, rhs in
            let (left, right) = (lhs.ageDays(asOf: now) - lhs.slaDays, rhs.ageDays(asOf: now) - rhs.slaDays)
            return left != right ? left > right : (lhs.family, lhs.kind, lhs.subject) < (rhs.family, rhs.kind, rhs.subject)
        }
        incidents = try IncidentFinder(store: store).incidents()
    }

    public var overdue: [BusinessException] { exceptions.filter { $0.isOverdue(asOf: asOf) } }

    /// Open exceptions per family and kind.
    public var countsByKind: [ExceptionFamily: [String: Int]] {
        exceptions.reduce(into: [:]) { $0[$1.family, default: [:]][$1.kind, default: 0] += 1 }
    }

    enum CodingKeys: String, CodingKey { case asOf, exceptions, incidents, overdue }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(asOf, forKey: .asOf)
        try container.encode(exceptions.map { Row($0, asOf: asOf) }, forKey: .exceptions)
        try container.encode(incidents, forKey: .incidents)
        try container.encode(overdue.count, forKey: .overdue)
    }

    /// An exception as the JSON shows it: with its age and whether it is overdue on the board's day.
    struct Row: Encodable {
        var exception: BusinessException
        var ageDays: Int
        var overdue: Bool

        init(_ exception: BusinessException, asOf: Date) {
            self.exception = exception
            ageDays = exception.ageDays(asOf: asOf)
            overdue = exception.isOverdue(asOf: asOf)
        }

        func encode(to encoder: any Encoder) throws {
            try exception.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(ageDays, forKey: .ageDays)
            try container.encode(overdue, forKey: .overdue)
        }

        enum Keys: String, CodingKey { case ageDays, overdue }
    }
}
