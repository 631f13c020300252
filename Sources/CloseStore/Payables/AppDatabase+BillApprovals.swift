public import Foundation
import Governance
public import Ledger
public import Payables

extension AppDatabase {
    /// Puts a bill on its route. The same route again keeps the stored one (its decisions and age stand);
    /// a different route supersedes it, decisions and all (the bill changed); a touchless route takes the
    /// bill off. Audited as `payables.approval.routed` or `.cleared`. Returns the route as stored, nil when touchless.
    @discardableResult
    public func enterBillApproval(_ facts: BillApprovalFacts, route: ApprovalRoute, requestedBy: String, at date: Date = Date()) throws -> BillApproval? {
        try writer.write { db in
            let current = try Self.billApproval(facts.source, facts.billID, db)
            if let current, current.route.key == route.key { return current }
            let payload = AuditPayload(["source": facts.source.text, "amount": facts.amount.decimalText, "currency": "\(facts.amount.currency)",
                                        "levels": route.levels.enumerated().map { "\($0 + 1). \($1.roleList): \($1.reason)" }.joined(separator: " ")])
            let target = AuditTarget(model: "account.move", id: String(facts.billID), name: facts.billTitle)
            if let current {
                try db.execute(sql: "UPDATE bill_approval SET status = 'superseded' WHERE id = ?", arguments: [current.id])
            }
            guard !route.isTouchless else {
                if current != nil {
                    _ = try Self.appendAudit(NewAuditEvent(actor: requestedBy, action: "payables.approval.cleared", targets: [target], payload: payload), at: date, in: db)
                }
                return nil
            }
            try db.execute(sql: """
                INSERT INTO bill_approval (source_key, bill_id, facts, route, route_key, requested_by, status, entered_at)
                VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)
                """, arguments: [facts.source, facts.billID, try Self.json(facts), try Self.json(route), route.key, requestedBy, Self.utcText(date)])
            _ = try Self.appendAudit(NewAuditEvent(actor: requestedBy, action: "payables.approval.routed", targets: [target], payload: payload), at: date, in: db)
            return try Self.billApproval(facts.source, facts.billID, db)
        }
    }

    /// Records `login`'s decision on the bill's next level, as the policy allows it (`BillLevelDecision`):
    /// never by the bill's preparer, whoever asked, or the decider of another level; by a delegate while
    /// the delegation is in force. A rejection (with a comment) ends the route. Audited as `payables.approval.decided`.
    public func decideBillApproval(sourceKey: SourceKey, billID: Int, approve: Bool, comment: String?, by login: String,
                                   at date: Date = Date()) throws -> BillApproval {
        try writer.write { db in
            guard let approval = try Self.billApproval(sourceKey, billID, db) else { throw BillApprovalError.notRouted(billID: billID, sourceKey) }
            guard let level = approval.pendingLevel else { throw BillApprovalError.closed(approval) }
            let comment = comment.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
            guard approve || comment != nil else { throw BillApprovalError.rejectionWithoutComment }
            let number = approval.decisions.count + 1
            let reviewer = try Self.userRow(login: login, db).user
            let delegators = try Self.delegations(to: login, on: LocalDate.todayUTC(now: date), db).compactMap { try? Self.userRow(login: $0.from, db).user }
            let decision = BillLevelDecision.decide(subject: "bill \(approval.facts.billTitle)", level: number,
                                                    roles: Set(level.roles.compactMap(CloserRole.init)), approve: approve, by: reviewer,
                                                    barred: Self.barred(approval), delegators: delegators)
            let role: CloserRole, onBehalfOf: String?
            switch decision {
            case .refused(let refusal): throw refusal
            case .allowed(let allowed, let delegator): (role, onBehalfOf) = (allowed, delegator)
            }
            let now = Self.utcText(date)
            try db.execute(sql: """
                INSERT INTO bill_approval_decision (approval_id, level, approver, on_behalf_of, role, decision, comment, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [approval.id, number, login, onBehalfOf, role.rawValue, approve ? "approved" : "rejected", comment, now])
            let status: BillApproval.Status = !approve ? .rejected : number == approval.route.levels.count ? .approved : .pending
            if status != .pending {
                try db.execute(sql: "UPDATE bill_approval SET status = ?, closed_at = ? WHERE id = ?", arguments: [status.rawValue, now, approval.id])
            }
            var payload = AuditPayload(["source": sourceKey.text, "level": "\(number) of \(approval.route.levels.count)", "role": role.rawValue,
                                        "decision": approve ? "approved" : "rejected", "status": status.rawValue, "reason": level.reason])
            if let onBehalfOf { payload["on_behalf_of"] = onBehalfOf }
            if let comment { payload["comment"] = comment }
            _ = try Self.appendAudit(NewAuditEvent(actor: login, action: "payables.approval.decided",
                                                   targets: [AuditTarget(model: "account.move", id: String(billID), name: approval.facts.billTitle)],
                                                   payload: payload), at: date, in: db)
            guard let stored = try Self.billApproval(sourceKey, billID, db) else { throw BillApprovalError.notRouted(billID: billID, sourceKey) }
            return stored
        }
    }

    /// Why the bill may not be paid for want of approval, or nil (touchless, or approved): what a payment
    /// proposal asks beside `paymentBlock`.
    public func approvalBlock(sourceKey: SourceKey, billID: Int) throws -> String? {
        guard let approval = try billApproval(sourceKey: sourceKey, billID: billID), approval.status != .approved else { return nil }
        guard let waiting = approval.waiting() else {
            let rejection = approval.decisions.last
            return "\(approval.facts.billTitle) was rejected" + (rejection.map { " by \($0.approver): \($0.comment ?? "")" } ?? "")
        }
        return "\(approval.facts.billTitle) waits for approval level \(waiting.level) of \(waiting.of) by \(ApprovalLevel.anyOf(waiting.roles)): \(waiting.reason)"
    }

    /// Every reason the bill may not be paid now — intake's hold or second look, an approval pending or
    /// rejected — or none: the one question a payment proposal asks.
    public func reasonsNotToPay(sourceKey: SourceKey, billID: Int) throws -> [String] {
        [try paymentBlock(sourceKey: sourceKey, billID: billID), try approvalBlock(sourceKey: sourceKey, billID: billID)].compactMap { $0 }
    }

    public func billApproval(sourceKey: SourceKey, billID: Int) throws -> BillApproval? {
        try writer.read { db in try Self.billApproval(sourceKey, billID, db) }
    }

    /// The bills on a route with these statuses (pending by default), oldest first.
    public func billApprovals(sourceKey: SourceKey? = nil, statuses: Set<BillApproval.Status> = [.pending]) throws -> [BillApproval] {
        try writer.read { db in
            let (sql, arguments) = Self.queueQuery("bill_approval", statuses: statuses.map(\.rawValue), sourceKey: sourceKey)
            return try StoreRow.fetchAll(db, sql: sql + " ORDER BY entered_at, id", arguments: arguments).map { try Self.billApproval($0, db) }
        }
    }

    /// Who may not approve this bill, and why: its preparer, whoever asked, whoever decided a level (or lent their name to it).
    private static func barred(_ approval: BillApproval) -> [String: String] {
        var barred: [String: String] = [:]
        for decision in approval.decisions {
            barred[decision.approver.lowercased()] = "approved level \(decision.level)"
            if let delegator = decision.onBehalfOf { barred[delegator.lowercased()] = "approved level \(decision.level) through \(decision.approver)" }
        }
        barred[approval.requestedBy.lowercased()] = "asked for its approval"
        if let preparer = approval.facts.preparerLogin { barred[preparer.lowercased()] = "prepared the bill" }
        return barred
    }

    private static func billApproval(_ source: SourceKey, _ billID: Int, _ db: any StoreSession) throws -> BillApproval? {
        try StoreRow.fetchOne(db, sql: "SELECT * FROM bill_approval WHERE source_key = ? AND bill_id = ? AND status != 'superseded'",
                         arguments: [source, billID]).map { try billApproval($0, db) }
    }

    private static func billApproval(_ row: StoreRow, _ db: any StoreSession) throws -> BillApproval {
        let id: Int64 = row["id"]
        let decisions = try StoreRow.fetchAll(db, sql: "SELECT * FROM bill_approval_decision WHERE approval_id = ? ORDER BY level", arguments: [id]).map {
            BillApproval.Decision(level: $0["level"], approver: $0["approver"], onBehalfOf: $0["on_behalf_of"], role: $0["role"],
                                  approved: ($0["decision"] as String) == "approved", comment: $0["comment"], decidedAt: $0["decided_at"])
        }
        let decoder = JSONDecoder()
        return BillApproval(id: id, facts: try decoder.decode(BillApprovalFacts.self, from: Data((row["facts"] as String).utf8)),
                            route: try decoder.decode(ApprovalRoute.self, from: Data((row["route"] as String).utf8)), requestedBy: row["requested_by"],
                            status: BillApproval.Status(rawValue: row["status"]) ?? .pending, enteredAt: row["entered_at"], closedAt: row["closed_at"],
                            decisions: decisions)
    }
}
