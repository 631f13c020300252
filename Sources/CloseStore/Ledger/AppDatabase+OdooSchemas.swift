public import Foundation

/// The last schema detected per Odoo database, kept as the text OdooLedger wrote, with the fingerprint of the
/// server version and modules it was detected under. Not audited: it is a cache of what Odoo says, not a decision.
extension AppDatabase {
    /// The kept schema text of `database` at `url` when it was kept under `fingerprint`; nil otherwise.
    public func odooSchemaText(url: String, database: String, fingerprint: String) throws -> String? {
        try writer.read { db in
            try String.fetchOne(db, sql: "SELECT schema FROM odoo_schema WHERE url = ? AND database = ? AND fingerprint = ?",
                                arguments: [url, database, fingerprint])
        }
    }

    /// Keeps `text` as the schema of `database` at `url`, replacing what was kept under an older fingerprint.
    public func keepOdooSchemaText(_ text: String, url: String, database: String, fingerprint: String, at date: Date = Date()) throws {
        try writer.write { db in
            try db.execute(sql: """
                INSERT INTO odoo_schema (url, database, fingerprint, schema, detected_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (url, database) DO UPDATE SET fingerprint = excluded.fingerprint, schema = excluded.schema,
                    detected_at = excluded.detected_at
                """, arguments: [url, database, fingerprint, text, Self.utcText(date)])
        }
    }
}
