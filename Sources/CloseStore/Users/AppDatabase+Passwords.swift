import Foundation
import Governance

extension AppDatabase {
    /// Sets (or replaces) a person's dashboard password; an admin's work. Only the PBKDF2 hash and its
    /// salt are stored, and the audit event says that it was set, never what to.
    public func setPassword(_ password: String, login: String, actor: String) throws {
        guard password.count >= PasswordHash.minimumLength else { throw UserError.weakPassword(minimumLength: PasswordHash.minimumLength) }
        let hashed = PasswordHash.make(password)   // slow on purpose: outside the write transaction
        try writer.write { db in
            try Self.requireAdmin(actor, db)
            let (id, user) = try Self.userRow(login: login, db)
            guard !user.isAgent else { throw UserError.agentIsFixed }
            try db.execute(sql: """
                INSERT INTO user_password (user_id, algorithm, iterations, salt, hash, set_by, set_at) VALUES (?, 'pbkdf2-hmac-sha256', ?, ?, ?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET iterations = excluded.iterations, salt = excluded.salt, hash = excluded.hash,
                    set_by = excluded.set_by, set_at = excluded.set_at
                """, arguments: [id, hashed.iterations, hashed.salt.hex, hashed.hash.hex, actor, Self.utcText(Date())])
            // Sessions started with the old password end with it.
            try db.execute(sql: "DELETE FROM web_session WHERE user_id = ? AND method = 'password'", arguments: [id])
            try Self.auditUser("user.password.set", login: login, actor: actor, in: db,
                               payload: ["algorithm": "pbkdf2-hmac-sha256", "iterations": String(hashed.iterations)])
        }
    }

    /// The stored hash of a person's password, if one was set.
    static func passwordHash(userID: Int64, _ db: any StoreSession) throws -> PasswordHash? {
        guard let row = try StoreRow.fetchOne(db, sql: "SELECT iterations, salt, hash FROM user_password WHERE user_id = ?", arguments: [userID]),
              let salt = [UInt8](hex: row["salt"]), let hash = [UInt8](hex: row["hash"]) else { return nil }
        return PasswordHash(salt: salt, iterations: row["iterations"], hash: hash)
    }
}
