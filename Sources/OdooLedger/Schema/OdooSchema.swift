public import OdooRPC
import Foundation

/// What this Odoo database offers: its version and, per model, which fields exist. Field lists are
/// intersected with it, so one mapping serves Odoo 16, 17, 18 and 19 (lock dates, analytic fields
/// and company fields differ between them).
public struct OdooSchema: Sendable, Codable {
    public var version: OdooServerVersion
    var fieldsByModel: [String: Set<String>]

    public init(version: OdooServerVersion, fieldsByModel: [String: Set<String>]) {
        self.version = version
        self.fieldsByModel = fieldsByModel
    }

    static let models = ["res.company", "account.account", "account.journal", "account.move", "account.move.line",
                         "account.bank.statement.line", "res.currency", "res.partner", "res.partner.bank", "account.tax"]

    /// Models of modules that may not be installed (purchase, sale, product): read only where present. Attachments
    /// are base Odoo's, but a stripped-down server (or a fake) may not serve them: a bill's files are read where it does.
    static let optionalModels = ["purchase.order", "purchase.order.line", "sale.order", "sale.order.line", "product.product", "product.category",
                                 "ir.attachment"]

    /// The schema `cache` kept for this database when the server's version and installed modules are
    /// still those it was detected under (one small call instead of a `fields_get` per model); else
    /// detected and kept. Without a cache, or when modules cannot be read, detected every time.
    public static func load(using client: OdooClient, cache: (any OdooSchemaCache)?) async throws -> OdooSchema {
        guard let cache else { return try await detect(using: client) }
        async let modules = OdooModuleState.fingerprint(using: client)
        let version = try await client.version()
        guard let modules = await modules else {
            try await client.confirmLogin()
            return try await detect(using: client)
        }
        let (url, database) = (client.endpoint.url.absoluteString, client.endpoint.database)
        let fingerprint = "Odoo \(version.serverVersion), \(modules)"
        if let text = try cache.schemaText(url: url, database: database, fingerprint: fingerprint),
           let kept = try? JSONDecoder().decode(OdooSchema.self, from: Data(text.utf8)) {
            return kept
        }
        // Modules changed, or the database was replaced under the same name: a remembered uid may name someone else.
        try await client.confirmLogin()
        let schema = try await detect(using: client)
        try cache.keepSchemaText(String(decoding: try JSONEncoder().encode(schema), as: UTF8.self), url: url, database: database,
                                 fingerprint: fingerprint)
        return schema
    }

    /// Asks the server for its version and the fields of every model Closer reads that it has, side by side.
    public static func detect(using client: OdooClient) async throws -> OdooSchema {
        async let version = client.version()
        // fields_get of a model that does not exist is a fault: ask ir.model which optional ones do.
        let installed = try await client.searchRead("ir.model", domain: [["model", "in", RPCValue(optionalModels)]], fields: ["model"])
            .compactMap { $0["model"]?.stringValue }
        let fields = try await withThrowingTaskGroup(of: (String, Set<String>).self) { group in
            for model in models + optionalModels.filter(installed.contains) {
                group.addTask { (model, Set(try await client.fieldsGet(model, attributes: ["type"]).keys)) }
            }
            return try await group.reduce(into: [String: Set<String>]()) { $0[$1.0] = $1.1 }
        }
        return OdooSchema(version: try await version, fieldsByModel: fields)
    }

    public func has(_ field: String, on model: String) -> Bool { fieldsByModel[model]?.contains(field) ?? false }

    public func hasModel(_ model: String) -> Bool { fieldsByModel[model] != nil }

    /// The wanted fields this database actually has, in the order given.
    func available(_ wanted: [String], on model: String) -> [String] { wanted.filter { has($0, on: model) } }

    /// Odoo 18 shares accounts between companies (company_ids); earlier versions have company_id.
    func companyDomain(for model: String, companyID: Int) -> RPCValue {
        has("company_ids", on: model) ? ["company_ids", "in", RPCValue([companyID])] : ["company_id", "=", RPCValue(companyID)]
    }

    /// Lock-date fields the version has: Odoo 18 added hard_lock_date and dropped period_lock_date.
    var lockDateFields: [String] {
        available(["fiscalyear_lock_date", "tax_lock_date", "sale_lock_date", "purchase_lock_date", "hard_lock_date", "period_lock_date"],
                  on: "res.company")
    }
}
