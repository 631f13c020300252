import Crypto
public import Governance
public import Foundation

extension AppDatabase {
    /// A dashboard session ends after this long without a request.
    public static let webSessionIdleLimit: TimeInterval = 8 * 3600

    /// Signs a person in to the dashboard with their password or an API token. A refused login
    /// changes nothing and says only that it was refused, not whether the login exists.
    public func startWebSession(_ credential: LoginCredential, at date: Date = Date(), throttle: LoginThrottle = LoginThrottle()) throws
        -> StartedWebSession {
        let user = try signIn(credential, at: date, throttle: throttle)
        let id = RandomToken.hex(bytes: 32)
        let csrf = RandomToken.hex(bytes: 32)
        try writer.write { db in
            let (userID, _) = try Self.userRow(login: user.login, db)
            try db.execute(sql: "DELETE FROM web_session WHERE last_seen_at < ?",
                           arguments: [Self.utcText(date.addingTimeInterval(-Self.webSessionIdleLimit))])
            try db.execute(sql: """
                INSERT INTO web_session (session_sha256, user_id, csrf_token, method, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [SHA256.hex(id), userID, csrf, credential.method, Self.utcText(date), Self.utcText(date)])
            try Self.auditUser("user.login", login: user.login, actor: user.login, in: db, payload: ["method": credential.method])
        }
        return StartedWebSession(id: id, session: WebSession(user: user, csrfToken: csrf))
    }

    /// The session a browser's cookie names, if it is known, not idle too long and its user still
    /// active. Its last use is written at most once a minute, so most requests stay a read.
    public func webSession(id: String, at date: Date = Date()) throws -> WebSession? {
        let idleSince = Self.utcText(date.addingTimeInterval(-Self.webSessionIdleLimit))
        let found: (rowID: Int64, lastSeen: String, session: WebSession)? = try writer.read { db in
            guard let row = try StoreRow.fetchOne(db, sql: """
                SELECT s.id, s.csrf_token, s.last_seen_at, u.login FROM web_session s JOIN closer_user u ON u.id = s.user_id
                WHERE s.session_sha256 = ?
                """, arguments: [SHA256.hex(id)]) else { return nil }
            let user = try Self.userRow(login: row["login"], db).user
            guard user.active, row["last_seen_at"] as String >= idleSince else { return nil }
            return (row["id"], row["last_seen_at"], WebSession(user: user, csrfToken: row["csrf_token"]))
        }
        guard let found else { return nil }
        if found.lastSeen < Self.utcText(date.addingTimeInterval(-60)) {
            try writer.write { db in
                try db.execute(sql: "UPDATE web_session SET last_seen_at = ? WHERE id = ?", arguments: [Self.utcText(date), found.rowID])
            }
        }
        return found.session
    }

    /// Signs out: the session is deleted, so its cookie is worthless from here on.
    public func endWebSession(id: String) throws {
        try writer.write { db in
            guard let login = try String.fetchOne(db, sql: """
                SELECT u.login FROM web_session s JOIN closer_user u ON u.id = s.user_id WHERE s.session_sha256 = ?
                """, arguments: [SHA256.hex(id)]) else { return }
            try db.execute(sql: "DELETE FROM web_session WHERE session_sha256 = ?", arguments: [SHA256.hex(id)])
            try Self.auditUser("user.logout", login: login, actor: login, in: db, payload: [:])
        }
    }

}
