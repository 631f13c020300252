import Ledger
import OdooLedger
import OdooRPC

/// The people who created the snapshot's entries exist in Odoo too, as internal users with a login
/// derived from their snapshot id, so that who-posted-what can be restored (see DemoPushService's
/// stamps file): Odoo records the importing user as every record's creator.
extension LedgerImportRun {
    static func login(of user: UserRef) -> String { "closer-import-user-\(user.id)" }

    mutating func importUsers() async throws {
        var users: [Int: UserRef] = [:]
        for move in snapshot.moves {
            for user in [move.audit.createdBy, move.audit.writtenBy].compactMap({ $0 }) { users[user.id] = user }
        }
        guard !users.isEmpty else { return }
        let logins = users.values.map { RPCValue.string(Self.login(of: $0)) }
        let existing = try await client.searchRead("res.users", domain: [["login", "in", .array(logins)]], fields: ["login"])
        var byLogin: [String: Int] = [:]
        for row in existing { if let login = row["login"]?.stringValue, let id = row["id"]?.int { byLogin[login] = id } }
        for user in users.values.sorted(by: { $0.id < $1.id }) {
            let login = Self.login(of: user)
            if let id = byLogin[login] {
                report.map("res.users", user.id, to: id)
                report.count("res.users", created: false)
                continue
            }
            do {
                guard let id = try await client.create("res.users", [["name": .string(user.name), "login": .string(login)]]).first else { continue }
                report.map("res.users", user.id, to: id)
                report.count("res.users", created: true)
            } catch let error as OdooError where !error.isTransient {
                report.warn("Odoo refused to create user \(user.name) (\(login)): \(OdooErrorText.oneLine(error))")
            }
        }
    }
}
