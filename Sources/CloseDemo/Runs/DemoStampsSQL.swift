import Ledger

/// What the External API cannot write: Odoo stamps every record with the importing user and the
/// time of the import. For a test database the operator controls, this SQL puts the demo's own
/// creation and last-write stamps (and its users) on the pushed entries, so the checks that read
/// them (late postings, postings after a lock, weekend keying, unusual users) see the demo company
/// as it was generated. Closer never runs it: `psql -d DB -f FILE`.
enum DemoStampsSQL {
    static func text(snapshot: LedgerSnapshot, pushed: LedgerImportReport, database: String) -> String {
        let moves = pushed.idMap["account.move"] ?? [:], users = pushed.idMap["res.users"] ?? [:]
        var sql = """
            -- Creation and last-write stamps of the demo company's entries in \(database), which Odoo's External API cannot set.
            -- For a test database only: psql -d \(database) -f THIS_FILE, then run `closer demo --push-to …` again to re-check.
            BEGIN;

            """
        for move in snapshot.moves.sorted(by: { $0.id < $1.id }) {
            guard let id = moves[move.id] else { continue }
            var sets = ["create_date = '\(move.audit.createdAt)'", "write_date = '\(move.audit.writtenAt)'"]
            if let user = move.audit.createdBy.flatMap({ users[$0.id] }) { sets.append("create_uid = \(user)") }
            if let user = move.audit.writtenBy.flatMap({ users[$0.id] }) { sets.append("write_uid = \(user)") }
            sql += "UPDATE account_move SET \(sets.joined(separator: ", ")) WHERE id = \(id);\n"
        }
        return sql + "COMMIT;\n"
    }
}
