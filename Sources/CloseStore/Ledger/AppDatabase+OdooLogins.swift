public import Foundation

/// The uid each Odoo login had when last authenticated, per database. Not audited: a cache of what Odoo said;
/// a wrong one costs one refused call and a fresh authentication.
extension AppDatabase {
    public func odooLoginUID(url: String, database: String, login: String) throws -> Int? {
        try writer.read { db in
            try Int.fetchOne(db, sql: "SELECT uid FROM odoo_login WHERE url = ? AND database = ? AND login = ?", arguments: [url, database, login])
        }
    }

    public func keepOdooLoginUID(_ uid: Int, url: String, database: String, login: String, at date: Date = Date()) throws {
        try writer.write { db in
            try db.execute(sql: """
                INSERT INTO odoo_login (url, database, login, uid, authenticated_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (url, database, login) DO UPDATE SET uid = excluded.uid, authenticated_at = excluded.authenticated_at
                """, arguments: [url, database, login, uid, Self.utcText(date)])
        }
    }

    public func forgetOdooLogin(url: String, database: String, login: String) throws {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM odoo_login WHERE url = ? AND database = ? AND login = ?", arguments: [url, database, login])
        }
    }
}
