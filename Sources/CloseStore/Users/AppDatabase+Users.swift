import Crypto
public import Governance
import Ledger
public import Foundation

extension AppDatabase {
    /// Every user with their roles and token prefixes (never a token), agent first, then by login.
    public func users() throws -> [CloserUser] {
        try writer.read { db in
            try StoreRow.fetchAll(db, sql: "SELECT * FROM closer_user ORDER BY kind = 'human', login").map { try Self.user($0, db) }
        }
    }

    public func user(login: String) throws -> CloserUser {
        try writer.read { db in try Self.userRow(login: login, db).user }
    }

    /// Adds a person. On a store with no person yet (bootstrap) anyone may add the first one, who
    /// becomes an admin; afterwards only an active admin may.
    @discardableResult
    public func addUser(login: String, name: String, roles: Set<CloserRole>, odooUserID: Int?, actor: String) throws -> CloserUser {
        try writer.write { db in
            guard CloserUser.isUsableLogin(login) else { throw UserError.invalidLogin(login) }
            let bootstrap = try Int.fetchOne(db, sql: "SELECT count(*) FROM closer_user WHERE kind = 'human'") == 0
            if !bootstrap { try Self.requireAdmin(actor, db) }
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM closer_user WHERE login = ?", arguments: [login]) == 0 else {
                throw UserError.duplicateLogin(login)
            }
            let now = Self.utcText(Date())
            try db.execute(sql: "INSERT INTO closer_user (login, name, kind, odoo_user_id, created_at) VALUES (?, ?, 'human', ?, ?)",
                           arguments: [login, name, odooUserID, now])
            let id = try db.lastInsertedRowID()
            let granted = bootstrap ? roles.union([.admin]) : roles
            for role in granted {
                try db.execute(sql: "INSERT INTO user_role (user_id, role, granted_by, granted_at) VALUES (?, ?, ?, ?)",
                               arguments: [id, role.rawValue, actor, now])
            }
            try Self.auditUser("user.added", login: login, actor: actor, in: db, payload: [
                "name": name, "roles": granted.sorted().map(\.rawValue).joined(separator: ","),
                "odoo_user_id": odooUserID.map(String.init) ?? "", "bootstrap": String(bootstrap)])
            return try Self.userRow(login: login, db).user
        }
    }

    /// Grants (or revokes) a role; an admin's work, audited. Granting a role held already changes nothing.
    @discardableResult
    public func setRole(_ role: CloserRole, granted: Bool, login: String, actor: String) throws -> CloserUser {
        try writer.write { db in
            try Self.requireAdmin(actor, db)
            let (id, user) = try Self.userRow(login: login, db)
            guard !user.isAgent else { throw UserError.agentIsFixed }
            guard user.roles.contains(role) != granted else { return user }
            if granted {
                try db.execute(sql: "INSERT INTO user_role (user_id, role, granted_by, granted_at) VALUES (?, ?, ?, ?)",
                               arguments: [id, role.rawValue, actor, Self.utcText(Date())])
            } else {
                try db.execute(sql: "DELETE FROM user_role WHERE user_id = ? AND role = ?", arguments: [id, role.rawValue])
            }
            try Self.auditUser(granted ? "user.role.granted" : "user.role.revoked", login: login, actor: actor, in: db,
                               payload: ["role": role.rawValue])
            return try Self.userRow(login: login, db).user
        }
    }

    /// Deactivates (or reactivates) a person: a deactivated user's approvals and tokens are refused.
    @discardableResult
    public func setUserActive(_ active: Bool, login: String, actor: String) throws -> CloserUser {
        try writer.write { db in
            try Self.requireAdmin(actor, db)
            let (id, user) = try Self.userRow(login: login, db)
            guard !user.isAgent else { throw UserError.agentIsFixed }
            try db.execute(sql: "UPDATE closer_user SET active = ? WHERE id = ?", arguments: [active ? 1 : 0, id])
            try Self.auditUser(active ? "user.activated" : "user.deactivated", login: login, actor: actor, in: db, payload: [:])
            return try Self.userRow(login: login, db).user
        }
    }

    /// Issues an API token for a person. Only its SHA-256 and a short prefix are stored; the token is
    /// in the returned value and nowhere else.
    public func issueToken(login: String, actor: String) throws -> IssuedToken {
        try writer.write { db in
            try Self.requireAdmin(actor, db)
            let (id, user) = try Self.userRow(login: login, db)
            guard !user.isAgent else { throw UserError.agentIsFixed }
            let token = "clt_" + RandomToken.hex(bytes: 32)
            let prefix = String(token.prefix(12))
            try db.execute(sql: "INSERT INTO api_token (user_id, prefix, token_sha256, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [id, prefix, SHA256.hex(token), Self.utcText(Date())])
            try Self.auditUser("user.token.issued", login: login, actor: actor, in: db, payload: ["prefix": prefix])
            return IssuedToken(login: login, prefix: prefix, token: token)
        }
    }

    public func revokeToken(prefix: String, actor: String) throws {
        try writer.write { db in
            try Self.requireAdmin(actor, db)
            guard let row = try StoreRow.fetchOne(db, sql: """
                SELECT u.login FROM api_token t JOIN closer_user u ON u.id = t.user_id WHERE t.prefix = ? AND t.revoked_at IS NULL
                """, arguments: [prefix]) else { throw UserError.unknownToken }
            try db.execute(sql: "UPDATE api_token SET revoked_at = ? WHERE prefix = ?", arguments: [Self.utcText(Date()), prefix])
            try Self.auditUser("user.token.revoked", login: row["login"], actor: actor, in: db, payload: ["prefix": prefix])
        }
    }

    /// The active user an API token belongs to. Unknown, revoked or deactivated: refused. One cached
    /// statement outside a transaction (a single SELECT is its own snapshot), and the token's last use
    /// written at most once a minute: authenticating every request of a busy server stays cheap.
    public func user(authenticatedBy token: String, at date: Date = Date()) throws -> CloserUser {
        let (tokenID, lastUsed, user) = try writer.unsafeRead { db in
            guard let row = try StoreRow.fetchOne(db, sql: """
                SELECT t.id AS token_id, t.prefix, t.revoked_at, t.last_used_at, u.*,
                       (SELECT \(db.dialect.commaJoined("role")) FROM user_role r WHERE r.user_id = u.id) AS roles
                FROM api_token t JOIN closer_user u ON u.id = t.user_id WHERE t.token_sha256 = ?
                """, arguments: [SHA256.hex(token)]) else { throw UserError.unknownToken }
            if row["revoked_at"] as String? != nil { throw UserError.revokedToken(prefix: row["prefix"]) }
            let roles = (row["roles"] as String?)?.split(separator: ",").compactMap { CloserRole(rawValue: String($0)) } ?? []
            let user = Self.user(row, roles: Set(roles), tokens: [])
            guard user.active else { throw UserError.inactiveUser(user.login) }
            return (row["token_id"] as Int64, row["last_used_at"] as String?, user)
        }
        let minuteAgo = Int64(date.timeIntervalSince1970) - 60
        if lastUsed.flatMap({ Timestamp(odoo: $0) }).map({ $0.secondsSinceEpoch < minuteAgo }) ?? true {
            try writer.write { db in
                try db.execute(sql: "UPDATE api_token SET last_used_at = ? WHERE id = ?", arguments: [Self.utcText(date), tokenID])
            }
        }
        return user
    }

    static func userRow(login: String, _ db: any StoreSession) throws -> (id: Int64, user: CloserUser) {
        guard let row = try StoreRow.fetchOne(db, sql: "SELECT * FROM closer_user WHERE login = ?", arguments: [login]) else {
            throw UserError.unknownUser(login)
        }
        return (row["id"], try user(row, db))
    }

    static func user(_ row: StoreRow, _ db: any StoreSession) throws -> CloserUser {
        let id: Int64 = row["id"]
        let roles = try String.fetchAll(db, sql: "SELECT role FROM user_role WHERE user_id = ?", arguments: [id]).compactMap(CloserRole.init)
        let tokens = try StoreRow.fetchAll(db, sql: "SELECT * FROM api_token WHERE user_id = ? ORDER BY id", arguments: [id]).map {
            TokenSummary(prefix: $0["prefix"], createdAt: $0["created_at"], lastUsedAt: $0["last_used_at"], revokedAt: $0["revoked_at"])
        }
        return user(row, roles: Set(roles), tokens: tokens)
    }

    /// A user from a `closer_user` row and what was read beside it.
    static func user(_ row: StoreRow, roles: Set<CloserRole>, tokens: [TokenSummary]) -> CloserUser {
        let kind: String = row["kind"]
        return CloserUser(login: row["login"], name: row["name"], kind: CloserUser.Kind(rawValue: kind) ?? .human, active: row["active"] == 1,
                          roles: roles, odooUserID: row["odoo_user_id"], tokens: tokens)
    }

    static func requireAdmin(_ actor: String, _ db: any StoreSession) throws {
        guard let (_, user) = try? userRow(login: actor, db), user.active, !user.isAgent, user.roles.contains(.admin) else {
            throw UserError.adminRequired(actor: actor)
        }
    }

    static func auditUser(_ action: String, login: String, actor: String, in db: any StoreSession, payload: [String: String]) throws {
        _ = try appendAudit(NewAuditEvent(actor: actor, action: action, targets: [AuditTarget(model: "closer.user", id: login)],
                                          payload: AuditPayload(payload)), at: Date(), in: db)
    }
}
