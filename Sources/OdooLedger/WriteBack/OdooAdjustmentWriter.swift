public import Adjustments
public import Ledger
public import OdooRPC

/// Writes approved adjusting entries to Odoo as drafts and undoes them. Each entry's `ref` ends with
/// its tag, "[closer.<kind>.<company>.<period>.<subject>]", written in the same `create` call, so
/// whatever happens to the connection, a second run finds the entry instead of creating another.
public struct OdooAdjustmentWriter: Sendable {
    let client: OdooClient

    public init(client: OdooClient) { self.client = client }

    /// The tag in `ref`; the brackets keep "partner-36" from matching "partner-365" in an `ilike`.
    public static func tag(_ key: String) -> String { "[" + key + "]" }

    /// Odoo's entries whose `ref` carries the tag, in any state, oldest first.
    public func entries(tagged key: String) async throws -> [OdooTaggedEntry] {
        try await client.searchRead("account.move", domain: [["ref", "ilike", .string(Self.tag(key))]],
                                    fields: ["name", "state", "date", "ref", "journal_id"])
            .compactMap(OdooTaggedEntry.init)
    }

    /// Creates the entry as a draft; `reversing` links an accrual's reversal to the accrual.
    public func createDraft(_ entry: ProposedEntry, key: String, narration: String, reversing: Int? = nil) async throws -> Int {
        var values: RPCStruct = [
            "move_type": "entry", "journal_id": RPCValue(entry.journalID), "date": OdooWireValue.date(entry.date),
            "ref": .string(entry.ref + " " + Self.tag(key)), "narration": .string(narration),
            "line_ids": .array(entry.lines.map { line in [0, 0, .structure(Self.values(line))] }),
        ]
        if let reversing { values["reversed_entry_id"] = RPCValue(reversing) }
        guard let id = try await client.create("account.move", [values], context: [:]).first else {
            throw OdooError.malformedResponse("account.move.create returned no id")
        }
        return id
    }

    static func values(_ line: ProposedLine) -> RPCStruct {
        ["account_id": RPCValue(line.accountID), "partner_id": OdooWireValue.id(line.partnerID), "name": .string(line.label),
         "balance": OdooWireValue.amount(line.amount), "analytic_distribution": OdooWireValue.analytic(line.analytic) { $0 }]
    }

    /// Undoes an entry Closer created: a draft is deleted, a posted entry is reversed through Odoo's
    /// own reversal (account.move.reversal, dated like the entry so its period nets to zero), a
    /// cancelled or deleted one is left as it is.
    public func undo(moveID: Int, reason: String) async throws -> OdooUndoOutcome {
        let found = try await client.searchRead("account.move", domain: [["id", "=", RPCValue(moveID)]], fields: ["name", "state", "date", "journal_id", "ref"])
        guard let entry = found.first.flatMap(OdooTaggedEntry.init) else { return .alreadyGone }
        switch entry.state {
        case .draft:
            _ = try await client.execute("account.move", "unlink", [RPCValue([moveID])], idempotent: false)
            return .deleted(name: entry.name)
        case .posted:
            let context: RPCStruct = ["active_model": "account.move", "active_ids": RPCValue([moveID])]
            guard let wizard = try await client.create("account.move.reversal", [[
                "move_ids": [[6, 0, RPCValue([moveID])]], "date": OdooWireValue.date(entry.date), "journal_id": RPCValue(entry.journalID),
                "reason": .string(reason),
            ]], context: context).first else { throw OdooError.malformedResponse("account.move.reversal.create returned no id") }
            _ = try await client.execute("account.move.reversal", "reverse_moves", [RPCValue([wizard])], ["context": .structure(context)],
                                         idempotent: false)
            // The wizard keeps the entries it made (an accrual's own reversal also points at the accrual).
            let made = try await client.read("account.move.reversal", ids: [wizard], fields: ["new_move_ids"]).first?["new_move_ids"]?.arrayValue ?? []
            let names = try await client.read("account.move", ids: made.compactMap(\.int), fields: ["name"]).compactMap { $0["name"]?.stringValue }
            return .reversed(name: entry.name, by: names.first ?? "a reversal")
        default:
            return .leftAlone(name: entry.name, state: entry.state.rawValue)
        }
    }
}

/// An account.move found by its tag.
public struct OdooTaggedEntry: Sendable, Hashable {
    public var id: Int
    public var name: String
    public var state: MoveState
    public var date: LocalDate?
    public var journalID: Int
    public var ref: String

    init?(_ record: RPCStruct) {
        guard let id = record["id"]?.int else { return nil }
        self.id = id
        name = record["name"]?.stringValue ?? "entry \(id)"
        state = MoveState(rawValue: record["state"]?.stringValue ?? "draft")
        date = record["date"]?.stringValue.flatMap { LocalDate(iso: $0) }
        journalID = record["journal_id"]?.arrayValue?.first?.int ?? 0
        ref = record["ref"]?.stringValue ?? ""
    }
}

/// What undoing one entry did.
public enum OdooUndoOutcome: Sendable, Hashable, CustomStringConvertible {
    case deleted(name: String)
    case reversed(name: String, by: String)
    case leftAlone(name: String, state: String)
    case alreadyGone

    public var description: String {
        switch self {
        case .deleted(let name): "deleted draft \(name)"
        case .reversed(let name, let reversal): "reversed posted \(name) with \(reversal)"
        case .leftAlone(let name, let state): "left \(name) alone (\(state))"
        case .alreadyGone: "already deleted in Odoo"
        }
    }
}

extension OdooAdjustmentWriter {
    /// Posts an entry Closer created, where the rule set allows it for the kind (Odoo runs all its checks).
    public func post(moveID: Int) async throws {
        _ = try await client.execute("account.move", "action_post", [RPCValue([moveID])], idempotent: false)
    }
}
