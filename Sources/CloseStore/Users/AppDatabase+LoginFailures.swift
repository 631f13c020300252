import Foundation
public import Governance

extension AppDatabase {
    /// Refuses a password attempt the throttle does not allow yet (or at all, for a locked account)
    /// before the password is checked, so a guesser learns nothing by trying faster. Returns whether
    /// failures are on record (a right password then clears them).
    func requireLoginAllowed(_ login: String, at date: Date, throttle: LoginThrottle) throws -> Bool {
        guard let row = try writer.read({ db in
            try StoreRow.fetchOne(db, sql: "SELECT failures, last_failure_epoch, locked FROM login_failure WHERE login = ?", arguments: [login])
        }) else { return false }
        if row["locked"] == 1 { throw UserError.accountLocked(login) }
        let next = throttle.nextAttempt(failures: row["failures"], last: Date(timeIntervalSince1970: row["last_failure_epoch"]))
        if next > date { throw UserError.loginWait(seconds: Int((next.timeIntervalSince(date)).rounded(.up))) }
        return true
    }

    /// Counts a wrong password against the login (known or not, so counting says nothing about which
    /// logins exist), locks it at the throttle's limit, and audits the failure.
    func recordLoginFailure(_ login: String, at date: Date, throttle: LoginThrottle) throws {
        try writer.write { db in
            let failures = (try Int.fetchOne(db, sql: "SELECT failures FROM login_failure WHERE login = ?", arguments: [login]) ?? 0) + 1
            let locked = throttle.locks(failures: failures)
            try db.execute(sql: """
                INSERT INTO login_failure (login, failures, last_failure_epoch, locked) VALUES (?, ?, ?, ?)
                ON CONFLICT (login) DO UPDATE SET failures = excluded.failures, last_failure_epoch = excluded.last_failure_epoch, locked = excluded.locked
                """, arguments: [login, failures, date.timeIntervalSince1970, locked ? 1 : 0])
            _ = try Self.appendAudit(NewAuditEvent(
                actor: login, action: locked ? "user.login.locked" : "user.login.failed",
                targets: [AuditTarget(model: "closer.user", id: login)], payload: AuditPayload(["failures": String(failures)]), outcome: "refused"),
                at: date, in: db)
        }
    }

    /// A correct password clears the count of failures before it.
    func clearLoginFailures(_ login: String) throws {
        try writer.write { db in try db.execute(sql: "DELETE FROM login_failure WHERE login = ?", arguments: [login]) }
    }

    /// Lifts a lock (and the count behind it); an admin's work, audited.
    public func unlockLogin(_ login: String, actor: String) throws {
        try writer.write { db in
            try Self.requireAdmin(actor, db)
            _ = try Self.userRow(login: login, db)
            try db.execute(sql: "DELETE FROM login_failure WHERE login = ?", arguments: [login])
            try Self.auditUser("user.login.unlocked", login: login, actor: actor, in: db, payload: [:])
        }
    }
}
