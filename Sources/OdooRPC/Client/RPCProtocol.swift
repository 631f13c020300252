/// The wire protocol used to reach Odoo.
public enum RPCProtocol: String, Sendable, CaseIterable {
    /// `/xmlrpc/2/*`: served by Odoo 16–19 (deprecated in 19).
    case xmlrpc
    /// `/jsonrpc`: served by Odoo 16–19 (deprecated in 19).
    case jsonrpc
    /// `/json/2/<model>/<method>`: Odoo 19+, API key only.
    case json2
}
