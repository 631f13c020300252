public import Ledger

/// One segregation-of-duties finding about one person: what they did to one vendor (`did`), what their rights
/// let them do (`can`), or that they administer Odoo (`administrator`, listed once, whatever they did).
public struct DutyFinding: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable, Hashable {
        case did, can, administrator

        /// The finding's stable check id.
        public var checkID: String { "duties.\(rawValue)" }
    }

    public var kind: Kind
    /// The Odoo user (model res.users).
    public var person: RecordRef
    public var login: String
    /// The vendor of a `did` finding.
    public var vendor: RecordRef?
    /// The conflicting duties held (`can`, `administrator`).
    public var conflicts: [DutyConflict]
    /// The acts behind a `did` finding, or an administrator's acts that would have made one, oldest first.
    public var evidence: [DutyAct]
    public var message: String
    public var fix: String

    public init(kind: Kind, person: RecordRef, login: String, vendor: RecordRef? = nil, conflicts: [DutyConflict] = [], evidence: [DutyAct] = [],
                message: String, fix: String) {
        self.kind = kind
        self.person = person
        self.login = login
        self.vendor = vendor
        self.conflicts = conflicts
        self.evidence = evidence
        self.message = message
        self.fix = fix
    }

    public var checkID: String { kind.checkID }
}
