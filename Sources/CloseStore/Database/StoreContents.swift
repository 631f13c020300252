public import Ledger

/// What a store holds, so a command about to replace it can say what would be lost.
public struct StoreContents: Sendable, Equatable, CustomStringConvertible {
    /// The audit action that ends a `closer demo` run.
    public static let demoCompleted = "demo.completed"

    /// People (the built-in agent is not counted).
    public var users: Int
    public var auditEvents: Int
    public var ledgers: [SourceKey]
    /// The last audited action: `demo.completed` when nothing was done after a demo.
    public var lastAction: String?

    public init(users: Int, auditEvents: Int, ledgers: [SourceKey], lastAction: String?) {
        self.users = users
        self.auditEvents = auditEvents
        self.ledgers = ledgers
        self.lastAction = lastAction
    }

    /// Nothing but what one `closer demo` left: demo ledgers, no people, nothing recorded since.
    public var isEarlierDemo: Bool {
        users == 0 && (auditEvents == 0 || lastAction == Self.demoCompleted) && ledgers.allSatisfy { $0.text.hasPrefix("demo:") }
    }

    /// "5 users, 71 audit events, ledger odoo:…".
    public var description: String {
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
        let ledgerText = ledgers.isEmpty ? "no ledger" : (ledgers.count == 1 ? "ledger " : "ledgers ") + ledgers.map(\.text).joined(separator: ", ")
        return [count(users, "user"), count(auditEvents, "audit event"), ledgerText].joined(separator: ", ")
    }
}
