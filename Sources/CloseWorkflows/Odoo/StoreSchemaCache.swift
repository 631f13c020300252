import CloseStore
import OdooLedger

/// The store as the place Odoo schemas are kept between runs, so a pull of a database whose modules did not
/// change asks for no `fields_get`.
struct StoreSchemaCache: OdooSchemaCache {
    let store: AppDatabase

    func schemaText(url: String, database: String, fingerprint: String) throws -> String? {
        try store.odooSchemaText(url: url, database: database, fingerprint: fingerprint)
    }

    func keepSchemaText(_ text: String, url: String, database: String, fingerprint: String) throws {
        try store.keepOdooSchemaText(text, url: url, database: database, fingerprint: fingerprint)
    }
}
