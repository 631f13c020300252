import Foundation
import Synchronization
public import Ledger
public import OdooRPC

/// A LedgerSource over a live Odoo database, for one company.
public final class OdooLedgerSource: LedgerSource {
    public let client: OdooClient
    public let endpoint: OdooEndpoint
    /// nil: the login's current company.
    public let companyID: Int?
    /// The login's current company once read (used only when `companyID` is nil).
    private let currentCompany = Mutex<Int?>(nil)
    /// Where the database's schema is kept between runs; nil: detected once per source.
    let schemaCache: (any OdooSchemaCache)?
    /// The database's fields once loaded, for the life of this source.
    private let loadedSchema = Mutex<OdooSchema?>(nil)

    public init(client: OdooClient, endpoint: OdooEndpoint, companyID: Int? = nil, schemaCache: (any OdooSchemaCache)? = nil) {
        self.client = client
        self.endpoint = endpoint
        self.companyID = companyID
        self.schemaCache = schemaCache
    }

    public var sourceDescription: String {
        get async {
            let version = (try? await client.version())?.serverVersion ?? "?"
            return "Odoo \(version) at \(endpoint.url.absoluteString), database \(endpoint.database)"
        }
    }

    /// Identifies this company's ledger in the store, independent of who logs in.
    public func sourceKey(companyID: Int) -> SourceKey {
        .odoo(url: endpoint.url.absoluteString, database: endpoint.database, companyID: companyID)
    }

    /// The address that opens a record in Odoo's web client, for a ledger pulled under `sourceKey`
    /// (nil for other sources). The classic /web URL works from Odoo 16 to 19 and selects the database.
    public static func webLink(sourceKey: SourceKey, model: String, id: Int) -> String? {
        guard let (base, database) = sourceKey.odooDatabase else { return nil }
        let query = database.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? database
        return "\(base.hasSuffix("/") ? String(base.dropLast()) : base)/web?db=\(query)#model=\(model)&id=\(id)&view_type=form"
    }

    public func pull(_ request: PullRequest, progress: PullProgress?) async throws -> PullResult {
        let collector = LedgerCollector()
        return collector.completing(try await pull(request, into: collector, progress: progress))
    }

    public func pull(_ request: PullRequest, into sink: some LedgerSink, progress: PullProgress?) async throws -> PullResult {
        async let companyID = resolvedCompanyID()
        let reader = OdooLedgerReader(client: client, schema: try await schema(), progress: progress)
        return try await reader.pull(companyID: try await companyID, request: request, into: sink)
    }

    /// The database's schema, loaded on first use (from the cache when its modules are unchanged) and
    /// kept for the life of this source.
    func schema() async throws -> OdooSchema {
        if let known = loadedSchema.withLock({ $0 }) { return known }
        let schema = try await OdooSchema.load(using: client, cache: schemaCache)
        loadedSchema.withLock { $0 = schema }
        return schema
    }

    /// The company to close: the configured one, or the login's current company — asked of Odoo
    /// once per source, so naming the ledger and then pulling it cost one round trip, not two.
    public func resolvedCompanyID() async throws -> Int {
        if let companyID { return companyID }
        if let known = currentCompany.withLock({ $0 }) { return known }
        let uid = try await client.authenticate()
        let users = try await client.read("res.users", ids: [uid], fields: ["company_id"])
        guard let company = users.first?["company_id"]?.many2one else {
            throw OdooMappingError(model: "res.users", recordID: uid, field: "company_id", problem: "no current company")
        }
        currentCompany.withLock { $0 = company.id }
        return company.id
    }

    /// What `closer connect` shows: server, database, user, and every company the login can see.
    public func describeConnection() async throws -> OdooConnectionReport {
        let version = try await client.version()
        let uid = try await client.authenticate()
        let schema = try await schema()
        let user = try await client.read("res.users", ids: [uid], fields: ["name", "login", "company_id", "company_ids"]).first
        let companyIDs = user?["company_ids"]?.arrayValue?.compactMap(\.int) ?? []
        let reader = OdooLedgerReader(client: client, schema: schema, progress: nil)
        var companies: [Company] = []
        for id in companyIDs.sorted() { companies.append(try await reader.company(id: id)) }
        return OdooConnectionReport(
            serverVersion: version.serverVersion, majorVersion: version.major, url: endpoint.url.absoluteString,
            database: endpoint.database, protocolName: endpoint.rpcProtocol.rawValue, userID: uid,
            userName: user?["name"]?.stringValue ?? endpoint.login, login: endpoint.login,
            currentCompanyID: user?["company_id"]?.many2one?.id, companies: companies)
    }
}

/// The answer to `closer connect`.
public struct OdooConnectionReport: Sendable, Codable {
    public var serverVersion: String
    public var majorVersion: Int
    public var url: String
    public var database: String
    public var protocolName: String
    public var userID: Int
    public var userName: String
    public var login: String
    public var currentCompanyID: Int?
    public var companies: [Company]
}
