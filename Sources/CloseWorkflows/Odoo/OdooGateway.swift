public import CloseSettings
public import CloseStore
public import OdooLedger
public import OdooRPC
public import Logging
import FoundationEssentials
public import Ledger

/// Builds every Odoo client from resolved settings: the one place where a connection is made, so
/// the operating mode has a single gate. In audit mode the client refuses writes before sending them.
public enum OdooGateway {
    /// With a `store`, the login's uid is kept there between runs, so a run authenticates only when Odoo refuses it.
    public static func client(_ settings: OdooSettings, store: AppDatabase? = nil, logger: Logger = Logger(label: "closer.odoo")) -> OdooClient {
        OdooClient(endpoint: settings.endpoint, options: settings.options, access: settings.mode.odooAccess, logger: logger,
                   loginMemory: store.map(StoreLoginMemory.init))
    }

    /// A source with one client for everything it reads; with a `store`, the database's schema and the login's uid
    /// are kept there between runs, and the schema asked of Odoo again only when its version or modules change.
    public static func source(_ settings: OdooSettings, store: AppDatabase? = nil, logger: Logger = Logger(label: "closer.odoo")) -> OdooLedgerSource {
        OdooLedgerSource(client: client(settings, store: store, logger: logger), endpoint: settings.endpoint, companyID: settings.companyID,
                         schemaCache: store.map(StoreSchemaCache.init))
    }

    /// A source for writing back to the database a stored ledger came from; refuses any other
    /// connection, since the stored record ids would name other records there.
    public static func source(_ settings: OdooSettings, writingTo sourceKey: SourceKey, what: String, action: String) throws -> OdooLedgerSource {
        let source = source(settings)
        guard let companyID = sourceKey.companyID, source.sourceKey(companyID: companyID) == sourceKey else {
            throw SourceMismatchError(sourceKey: sourceKey, url: settings.endpoint.url.absoluteString, database: settings.endpoint.database,
                                      what: what, action: action)
        }
        return source
    }
}

/// The connection does not reach the database a stored ledger came from.
public struct SourceMismatchError: Error, CustomStringConvertible, Equatable {
    public var sourceKey: SourceKey
    public var url: String
    public var database: String
    public var what: String
    public var action: String

    public var description: String {
        "\(what.prefix(1).uppercased() + what.dropFirst()) come from \(sourceKey), but the connection points at database '\(database)' at \(url): "
            + "connect to the Odoo they were pulled from (--url, --db, --company) to \(action)."
    }
}
