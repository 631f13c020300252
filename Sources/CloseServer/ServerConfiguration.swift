public import CloseSettings
public import Governance

/// How `closer serve` runs: where it listens, what it accepts, the rules it applies, and the Odoo
/// connection for the work that reads or writes Odoo (lock approval, webhook-triggered pulls).
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The largest request body accepted; anything larger is refused before a handler reads it.
    public var maxRequestBytes: Int
    public var ruleSet: RuleSet
    /// nil when no Odoo is configured: the endpoints that need Odoo say so instead of failing later.
    public var odoo: OdooSettings?
    /// Marks the dashboard's cookies Secure, so browsers send them only over HTTPS: set it when a
    /// TLS proxy stands in front of the server.
    public var secureCookies: Bool
    /// How failed sign-ins from one client address slow its next ones.
    public var addressThrottle: LoginThrottle
    /// The public keys the audit page's verification trusts (from outside the store); nil leaves signatures unchecked.
    public var auditKeys: AuditTrustedKeys?

    public init(host: String = "127.0.0.1", port: Int = 8080, maxRequestBytes: Int = 1 << 20, ruleSet: RuleSet = .builtIn,
                odoo: OdooSettings? = nil, secureCookies: Bool = false, addressThrottle: LoginThrottle = LoginThrottle(),
                auditKeys: AuditTrustedKeys? = nil) {
        self.host = host
        self.port = port
        self.maxRequestBytes = maxRequestBytes
        self.ruleSet = ruleSet
        self.odoo = odoo
        self.secureCookies = secureCookies
        self.addressThrottle = addressThrottle
        self.auditKeys = auditKeys
    }
}
