public import Foundation

/// One client database a firm closes: how to reach its Odoo (the secret named, never written down), its
/// operating mode and rule set, and who owns its close. Read from the tenants file (`TenantsFile`).
public struct Tenant: Hashable, Sendable, Identifiable {
    /// Lower-case letters, digits, '-' and '_': it names the tenant's store and its jobs.
    public var id: String
    /// The tenant's settings as closer.yaml would hold them ("odoo.url", "mode", ...), secrets left out.
    public var settings: [String: String]
    public var secret: TenantSecret
    /// The rule set file, or nil for the built-in rules.
    public var rules: String?
    /// Who answers for this close (for the firm console's filters).
    public var owner: String?
    /// When the tenant's close is due; nil: closes are asked for by hand (`closer enqueue --period`).
    public var calendar: CloseCalendar?

    public init(id: String, settings: [String: String], secret: TenantSecret, rules: String? = nil, owner: String? = nil, calendar: CloseCalendar? = nil) {
        self.id = id
        self.settings = settings
        self.secret = secret
        self.rules = rules
        self.owner = owner
        self.calendar = calendar
    }

    /// The Odoo server this tenant's jobs call, for the queue's per-host cap.
    public var odooHost: String? { settings[Setting.odooURL.key].flatMap { URL(string: $0)?.host } }

    /// The tenant's settings with its secret read now from where the tenants file says it is, for
    /// `OdooSettings(resolving:)`. Nothing of the process's own environment leaks in.
    public func resolver(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SettingsResolver {
        var flags: [Setting: String] = [:]
        for setting in Setting.all { if let value = settings[setting.key] { flags[setting] = value } }
        flags[secret.setting] = try secret.value(for: id, environment: environment)
        return SettingsResolver(flags: flags, environment: [:], file: nil)
    }
}
