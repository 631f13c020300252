import Hummingbird
import OdooRPC

/// Odoo's failures as the API reports them, for every route that reads or writes Odoo: unreachable (the network,
/// a timeout, a gateway) is 503, so a client retries later; anything Odoo answered with a fault is 502, with Odoo's words.
extension APIError {
    static func odoo(_ error: OdooError) -> APIError {
        switch error {
        case .network, .timeout: return APIError(.serviceUnavailable, code: "odoo_unreachable", error.description)
        case .httpStatus(let status, _) where [502, 503, 504].contains(status):
            return APIError(.serviceUnavailable, code: "odoo_unreachable", error.description)
        case .writeRefused: return APIError(.conflict, code: "conflict", error.description)
        default: return APIError(.badGateway, code: "odoo_fault", error.description)
        }
    }

    /// The route reads or writes Odoo and the server was started without a connection.
    static func noOdoo(_ action: String) -> APIError {
        APIError(.serviceUnavailable, code: "odoo_not_configured",
                 "\(action) needs Odoo, and this server has no Odoo connection: start `closer serve` with --url/--db/--user (or CLOSER_ODOO_*).")
    }
}
