import OdooRPC
import OdooSimulator

/// account.move.line.reconcile as Odoo 18 does it for one currency: the items must be posted, open and
/// on one reconcilable account; debits are matched with credits oldest first by partial
/// reconciliations; when every item is settled they share a full reconciliation, whose id is their
/// matching number (a partly settled item shows "P" and its first partial's id).
extension FakeOdoo {
    func reconcile(_ ids: [Int]) throws {
        let items = try ids.map { id -> Record in
            guard let line = tables["account.move.line"]?[id] else { throw OdooServerFault(exceptionName: "odoo.exceptions.MissingError", message: "Record does not exist or has been deleted. (Record: account.move.line(\(id),))") }
            return line
        }
        guard !items.isEmpty else { return }
        if ids.contains(where: { residual(ofLine: $0) == 0 }) {
            throw OdooServerFault.user("You are trying to reconcile some entries that are already reconciled.")
        }
        if items.contains(where: { tables["account.move"]?[$0["move_id"]?.int ?? 0]?["state"]?.stringValue != "posted" }) {
            throw OdooServerFault.user("You can only reconcile posted entries.")
        }
        guard Set(items.compactMap { $0["account_id"]?.int }).count == 1 else { throw OdooServerFault.user("Entries are not from the same account.") }
        guard reconciles(items[0]) else { throw OdooServerFault.user("Account does not allow reconciliation.") }
        var debits = ids.filter { residual(ofLine: $0) > 0 }, credits = ids.filter { residual(ofLine: $0) < 0 }
        while let debit = debits.first, let credit = credits.first {
            let amount = min(residual(ofLine: debit), -residual(ofLine: credit))
            store("account.partial.reconcile", ["debit_move_id": RPCValue(debit), "credit_move_id": RPCValue(credit), "amount": RPCValue(amount)])
            if residual(ofLine: debit) == 0 { debits.removeFirst() }
            if residual(ofLine: credit) == 0 { credits.removeFirst() }
        }
        let group = connected(ids)
        if group.allSatisfy({ residual(ofLine: $0) == 0 }) {
            let full = store("account.full.reconcile", [:])
            for line in group { tables["account.move.line"]?[line]?["full_reconcile_id"] = RPCValue(full) }
        }
    }

    /// amount_residual: the balance less what partial reconciliations settled; zero off reconcilable accounts.
    func residual(ofLine id: Int) -> Int {
        guard let line = tables["account.move.line"]?[id], reconciles(line) else { return 0 }
        var residual = line["balance"]?.int ?? 0
        for partial in (tables["account.partial.reconcile"] ?? [:]).values {
            let amount = partial["amount"]?.int ?? 0
            if partial["debit_move_id"]?.int == id { residual -= amount }
            if partial["credit_move_id"]?.int == id { residual += amount }
        }
        return residual
    }

    func matchingNumber(ofLine id: Int) -> String? {
        if let full = tables["account.move.line"]?[id]?["full_reconcile_id"]?.int { return String(full) }
        let partials = (tables["account.partial.reconcile"] ?? [:]).filter { $0.value["debit_move_id"]?.int == id || $0.value["credit_move_id"]?.int == id }
        return partials.keys.min().map { "P\($0)" }
    }

    /// The items linked to `ids` through partial reconciliations.
    private func connected(_ ids: [Int]) -> Set<Int> {
        var group = Set(ids), queue = ids
        while let id = queue.popLast() {
            for partial in (tables["account.partial.reconcile"] ?? [:]).values {
                for other in [partial["debit_move_id"]?.int, partial["credit_move_id"]?.int].compactMap({ $0 })
                    where (partial["debit_move_id"]?.int == id || partial["credit_move_id"]?.int == id) && !group.contains(other) {
                    group.insert(other)
                    queue.append(other)
                }
            }
        }
        return group
    }
}
