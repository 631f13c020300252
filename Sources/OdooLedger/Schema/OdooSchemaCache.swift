/// Where detected schemas are kept between runs (Closer's store): one per database, with the fingerprint
/// of the server version and modules it was detected under. Text in, text out, so the store needs to know
/// nothing of Odoo.
public protocol OdooSchemaCache: Sendable {
    /// The kept schema of `database` at `url`, if it was kept under `fingerprint`.
    func schemaText(url: String, database: String, fingerprint: String) throws -> String?
    /// Keeps `text` as the schema of `database` at `url` under `fingerprint`, replacing an older one.
    func keepSchemaText(_ text: String, url: String, database: String, fingerprint: String) throws
}
