import Logging
import OdooLedger
import OdooRPC

/// Builds every Odoo client from resolved settings: the one place where a connection is made, so
/// the operating mode has a single gate. In audit mode the client refuses writes before sending them.
public enum OdooGateway {
    public static func client(_ settings: OdooSettings, logger: Logger = Logger(label: "closer.odoo")) -> OdooClient {
        OdooClient(endpoint: settings.endpoint, options: settings.options, access: settings.mode.odooAccess, logger: logger)
    }

    public static func source(_ settings: OdooSettings, logger: Logger = Logger(label: "closer.odoo")) -> OdooLedgerSource {
        OdooLedgerSource(client: client(settings, logger: logger), endpoint: settings.endpoint, companyID: settings.companyID)
    }
}
