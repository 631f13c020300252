import Ledger
public import OdooRPC
import Foundation

/// Everything needed to reach one Odoo database, resolved from flags, environment and config file.
public struct OdooSettings: Sendable {
    public var endpoint: OdooEndpoint
    public var options: OdooClientOptions
    public var companyID: Int?
    /// Decides whether the clients built from these settings may write (see `OdooGateway`).
    public var mode: OperatingMode

    /// Collects every missing or malformed setting before failing, so one run tells the whole story.
    public init(resolving settings: SettingsResolver) throws {
        var missing: [Setting] = []
        var invalid: [String] = []
        let urlText = settings.string(.odooURL)
        let database = settings.string(.odooDatabase)
        let user = settings.string(.odooUser)
        let password = settings.string(.odooPassword)
        let apiKey = settings.string(.odooAPIKey)
        if urlText == nil { missing.append(.odooURL) }
        if database == nil { missing.append(.odooDatabase) }
        if user == nil { missing.append(.odooUser) }
        if password == nil && apiKey == nil { missing.append(.odooPassword) }

        var url: URL?
        if let urlText {
            url = URL(string: urlText)
            if url?.scheme == nil || !["http", "https"].contains(url?.scheme?.lowercased() ?? "") || url?.host == nil {
                invalid.append("odoo.url '\(urlText)' is not an http(s) address such as https://erp.example.com")
                url = nil
            }
        }
        var rpcProtocol = RPCProtocol.xmlrpc
        if let name = settings.string(.odooProtocol) {
            if let parsed = RPCProtocol(rawValue: name.lowercased()) { rpcProtocol = parsed } else {
                invalid.append("odoo.protocol '\(name)' is not one of \(RPCProtocol.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        if rpcProtocol == .json2 && apiKey == nil {
            invalid.append("odoo.protocol json2 (Odoo 19) needs an API key: \(Setting.odooAPIKey.flag) or \(Setting.odooAPIKey.environment)")
        }
        var mode = OperatingMode.audit
        if let name = settings.string(.mode) {
            if let parsed = OperatingMode(rawValue: name.lowercased()) { mode = parsed } else {
                invalid.append("mode '\(name)' is not one of \(OperatingMode.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        let companyID = Self.positiveInt(settings, .odooCompany, into: &invalid)
        let pageSize = Self.positiveInt(settings, .pageSize, into: &invalid) ?? 2000
        let concurrentCalls = Self.positiveInt(settings, .odooMaxConcurrentCalls, into: &invalid) ?? OdooClientOptions().maxConcurrentCalls
        let timeout = Self.positiveInt(settings, .timeoutSeconds, into: &invalid) ?? 60
        guard missing.isEmpty, invalid.isEmpty, let url, let database, let user else {
            throw SettingsError(missing: missing, invalid: invalid)
        }
        let credential: OdooCredential = apiKey.map { .apiKey($0) } ?? .password(password ?? "")
        endpoint = OdooEndpoint(url: url, database: database, login: user, credential: credential, rpcProtocol: rpcProtocol)
        options = OdooClientOptions(timeout: .seconds(timeout), pageSize: pageSize, maxConcurrentCalls: concurrentCalls)
        self.companyID = companyID
        self.mode = mode
    }

    public static func positiveInt(_ settings: SettingsResolver, _ setting: Setting, into invalid: inout [String]) -> Int? {
        guard let text = settings.string(setting) else { return nil }
        guard let value = Int(text), value > 0 else {
            invalid.append("\(setting.key) '\(text)' must be a whole number above zero")
            return nil
        }
        return value
    }
}
