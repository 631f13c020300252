import Logging
import OdooLedger
import OdooRPC

/// Builds the Odoo client and ledger source from resolved settings. The one place where a
/// connection is made, so a later mode switch (read-only audit mode) has a single gate.
public enum OdooGateway {
    public static func source(_ settings: OdooSettings, logger: Logger = Logger(label: "closer.odoo")) -> OdooLedgerSource {
        let client = OdooClient(endpoint: settings.endpoint, options: settings.options, logger: logger)
        return OdooLedgerSource(client: client, endpoint: settings.endpoint, companyID: settings.companyID)
    }
}
