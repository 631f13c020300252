public import Ledger

/// A controller's decision that findings of one check are not a problem here, for a reason and (for the wider
/// scopes) until a day: the next check hides what it covers and says so in one line, with the records kept.
public struct Dismissal: Sendable, Codable, Hashable {
    /// The store's id (0 before it is stored).
    public var id: Int64
    public var checkID: String
    public var scope: DismissalScope
    public var reason: String
    /// The last day it holds; nil holds until withdrawn (never for `.kind`).
    public var until: LocalDate?
    public var decidedBy: String
    public var decidedAt: String
    public var withdrawnBy: String?
    public var withdrawnAt: String?

    public init(id: Int64 = 0, checkID: String, scope: DismissalScope, reason: String, until: LocalDate?, decidedBy: String, decidedAt: String,
                withdrawnBy: String? = nil, withdrawnAt: String? = nil) {
        self.id = id
        self.checkID = checkID
        self.scope = scope
        self.reason = reason
        self.until = until
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.withdrawnBy = withdrawnBy
        self.withdrawnAt = withdrawnAt
    }

    /// Not withdrawn, and not past its last day.
    public func holds(on date: LocalDate) -> Bool {
        withdrawnAt == nil && until.map { date <= $0 } ?? true
    }

    /// "late-posting, partner Acme, by carol until 2027-03-31: bulk import confirmed", with why it no longer holds.
    public func summary(on date: LocalDate) -> String {
        let state = withdrawnBy.map { " (withdrawn by \($0))" } ?? (holds(on: date) ? "" : " (expired)")
        return "\(checkID), \(scope.description), by \(decidedBy)" + (until.map { " until \($0)" } ?? "") + state + ": \(reason)"
    }
}

/// What a dismissal covers: the finding's own records (all of a group's), every record on a partner or an account,
/// or the whole check for the company.
public enum DismissalScope: Sendable, Codable, Hashable, CustomStringConvertible {
    case records([DismissedRecord])
    case partner(id: Int, name: String)
    case account(id: Int, name: String)
    case kind

    /// How a person names a scope: record, partner, account or kind.
    public enum Choice: String, Sendable, Codable, CaseIterable {
        case record, partner, account, kind
    }

    public var choice: Choice {
        switch self {
        case .records: .record
        case .partner: .partner
        case .account: .account
        case .kind: .kind
        }
    }

    /// "these 3 records", "partner Acme", "account 627000 Travel", "the whole check".
    public var description: String {
        switch self {
        case .records(let records): records.count == 1 ? "this record" : "these \(records.count) records"
        case .partner(_, let name): "partner \(name)"
        case .account(_, let name): "account \(name)"
        case .kind: "the whole check"
        }
    }
}

/// A record a record-scoped dismissal covers, with its amount when dismissed: a new amount is a new question.
public struct DismissedRecord: Sendable, Codable, Hashable {
    public var model: String
    public var id: Int
    public var name: String
    /// The unsigned amount in the company's minor units, as triage reads it; nil for records without one.
    public var amount: Int64?

    public init(model: String, id: Int, name: String, amount: Int64?) {
        self.model = model
        self.id = id
        self.name = name
        self.amount = amount
    }
}

extension DismissalScope {
    enum CodingKeys: String, CodingKey { case type, records, id, name }

    /// Flat, as the API and the audit read it: {"type": "partner", "id": 7, "name": "Acme"}.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(choice, forKey: .type)
        switch self {
        case .records(let records): try container.encode(records, forKey: .records)
        case .partner(let id, let name), .account(let id, let name):
            try container.encode(id, forKey: .id)
            try container.encode(name, forKey: .name)
        case .kind: break
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Choice.self, forKey: .type) {
        case .record: self = .records(try container.decode([DismissedRecord].self, forKey: .records))
        case .partner: self = .partner(id: try container.decode(Int.self, forKey: .id), name: try container.decode(String.self, forKey: .name))
        case .account: self = .account(id: try container.decode(Int.self, forKey: .id), name: try container.decode(String.self, forKey: .name))
        case .kind: self = .kind
        }
    }
}
