public import Foundation
public import Governance
public import Ledger

extension AppDatabase {
    /// Lets `to` decide in `from`'s name from `startsOn` to `endsOn` (both included), e.g. an approver
    /// standing in for an absent controller. Both must hold a role that approves; `to` must be an active
    /// person other than `from`. Audited as `payables.approval.delegated`.
    public func addApprovalDelegation(from: String, to: String, startsOn: LocalDate, endsOn: LocalDate, reason: String, actor: String,
                                      at date: Date = Date()) throws -> ApprovalDelegation {
        try writer.write { db in
            let delegator = try Self.userRow(login: from, db).user
            let delegate = try Self.userRow(login: to, db).user
            let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            let problem: String? = if delegate.login == delegator.login {
                "\(from) cannot delegate to themselves: name someone else with --to."
            } else if delegate.isAgent || !delegate.active || delegate.roles.isDisjoint(with: CloserRole.approving) {
                "\(to) is \(delegate.isAgent ? "the agent, which never approves" : !delegate.active ? "deactivated" : "no approver"): "
                    + "delegate to an active person with the approver or controller role."
            } else if delegator.roles.isDisjoint(with: CloserRole.approving) {
                "\(from) \(ApprovalDecision.holdings(delegator)) and approves nothing, so has nothing to delegate."
            } else if endsOn < startsOn {
                "The delegation ends (\(endsOn)) before it starts (\(startsOn)): give --until on or after --from."
            } else if reason.isEmpty {
                "Say why (--reason), e.g. \"holiday\": the auditors read it."
            } else {
                nil
            }
            if let problem { throw BillApprovalError.delegation(problem) }
            let now = Self.utcText(date)
            try db.execute(sql: """
                INSERT INTO approval_delegation (from_login, to_login, starts_on, ends_on, reason, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [delegator.login, delegate.login, startsOn.description, endsOn.description, reason, actor, now])
            let delegation = ApprovalDelegation(id: try db.lastInsertedRowID(), from: delegator.login, to: delegate.login, startsOn: startsOn,
                                                endsOn: endsOn, reason: reason, createdBy: actor, createdAt: now)
            _ = try Self.appendAudit(NewAuditEvent(actor: actor, action: "payables.approval.delegated",
                                                   targets: [AuditTarget(model: "closer.user", id: delegate.login, name: delegate.name)],
                                                   payload: AuditPayload(["from": delegator.login, "to": delegate.login, "starts_on": startsOn.description,
                                                                          "ends_on": endsOn.description, "reason": reason])),
                                     at: date, in: db)
            return delegation
        }
    }

    /// The delegations in force on `day` (every one when nil), latest start first.
    public func approvalDelegations(inForceOn day: LocalDate? = nil) throws -> [ApprovalDelegation] {
        try writer.read { db in
            try StoreRow.fetchAll(db, sql: "SELECT * FROM approval_delegation ORDER BY starts_on DESC, id DESC").map(Self.delegation)
                .filter { day.map($0.inForce(on:)) ?? true }
        }
    }

    /// The delegations to `login` in force on `day`, earliest start first.
    static func delegations(to login: String, on day: LocalDate, _ db: any StoreSession) throws -> [ApprovalDelegation] {
        try StoreRow.fetchAll(db, sql: "SELECT * FROM approval_delegation WHERE to_login = ? AND starts_on <= ? AND ends_on >= ? ORDER BY starts_on, id",
                         arguments: [login, day.description, day.description]).map(delegation)
    }

    private static func delegation(_ row: StoreRow) -> ApprovalDelegation {
        ApprovalDelegation(id: row["id"], from: row["from_login"], to: row["to_login"],
                           startsOn: LocalDate(iso: row["starts_on"] as String) ?? LocalDate(daysSinceEpoch: 0),
                           endsOn: LocalDate(iso: row["ends_on"] as String) ?? LocalDate(daysSinceEpoch: 0), reason: row["reason"],
                           createdBy: row["created_by"], createdAt: row["created_at"])
    }
}
