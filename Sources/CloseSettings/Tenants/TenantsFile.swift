import Foundation
import Yams

/// The firm's tenants file: every client database it closes, by id.
///
///     tenants:
///       acme:
///         odoo:
///           url: https://acme.odoo.example
///           database: acme
///           user: closer@firm.example
///           api_key_env: ACME_ODOO_KEY      # or api_key_file, password_env, password_file
///         mode: audit
///         rules: rules/acme.yaml
///         owner: anna
///         calendar: monthly, 5th working day
///
/// A secret written in clear (`odoo.password`, `odoo.api_key`) is refused, as are unknown keys; every
/// problem names the file and, where it can, the line.
public struct TenantsFile: Sendable {
    public var path: String
    public var tenants: [Tenant]

    /// The settings a tenant may carry: how to reach its Odoo and how to pull and close it.
    static let tenantSettings: [Setting] = [.odooURL, .odooDatabase, .odooUser, .odooProtocol, .odooCompany, .odooMaxConcurrentCalls,
                                            .mode, .historyMonths, .pageSize, .timeoutSeconds]
    static let secretKeys: [(key: String, kind: TenantSecret.Kind, inFile: Bool)] = [
        ("odoo.password_env", .password, false), ("odoo.password_file", .password, true),
        ("odoo.api_key_env", .apiKey, false), ("odoo.api_key_file", .apiKey, true),
    ]
    static let ownKeys = ["rules", "owner", "calendar"]

    public static func load(path: String) throws -> TenantsFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TenantsFileError(message: "\(path): the tenants file does not exist or cannot be read")
        }
        return try TenantsFile(path: path, text: String(decoding: data, as: UTF8.self))
    }

    public init(path: String, text: String) throws {
        self.path = path
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch let error as YamlError {
            throw TenantsFileError(message: "\(path)\(ConfigFile.line(of: error).map { ":\($0)" } ?? ""): is not valid YAML: \(ConfigFile.summary(of: error))")
        }
        guard let top = root?.mapping, top.count == 1, top.first?.key.string == "tenants", let entries = top.first?.value.mapping, !entries.isEmpty else {
            throw TenantsFileError(message: "\(path): expected one key, tenants, mapping each tenant's id to its settings")
        }
        let secrets = Set([Setting.odooPassword.key, Setting.odooAPIKey.key])
        let known = Set(Self.tenantSettings.map(\.key) + Self.secretKeys.map(\.key) + Self.ownKeys).union(secrets)
        var tenants: [Tenant] = []
        for (idNode, body) in entries {
            let id = idNode.string ?? ""
            let line = idNode.mark.map { ":\($0.line)" } ?? ""
            guard id.range(of: "^[a-z0-9][a-z0-9_-]{0,62}$", options: .regularExpression) != nil else {
                throw TenantsFileError(message: "\(path)\(line): tenant id '\(id)' must be lower-case letters, digits, '-' or '_' (it names the tenant's store and jobs)")
            }
            var values: [String: String]
            do { values = try ConfigFile.settings(in: body, path: path, known: known) } catch let error as ConfigFileError {
                throw TenantsFileError(message: "\(error.description) (tenant \(id))")
            }
            if let clear = values.keys.first(where: secrets.contains) {
                throw TenantsFileError(message: "\(path)\(line): tenant \(id) writes \(clear) in clear: name where it is kept instead, with \(clear)_env or \(clear)_file")
            }
            let given = Self.secretKeys.filter { values[$0.key] != nil }
            guard given.count == 1, let secret = given.first, let location = values[secret.key] else {
                throw TenantsFileError(message: "\(path)\(line): tenant \(id) needs exactly one of \(Self.secretKeys.map(\.key).joined(separator: ", ")) "
                                       + "(found \(given.isEmpty ? "none" : given.map(\.key).joined(separator: ", ")))")
            }
            let missing = [Setting.odooURL, .odooDatabase, .odooUser].filter { values[$0.key] == nil }.map(\.key)
            guard missing.isEmpty else {
                throw TenantsFileError(message: "\(path)\(line): tenant \(id) lacks \(missing.joined(separator: ", "))")
            }
            let settings = values.filter { key, _ in Self.tenantSettings.contains { $0.key == key } }
            let calendar = try values["calendar"].map { text in
                guard let calendar = CloseCalendar(parsing: text) else {
                    throw TenantsFileError(message: "\(path)\(line): tenant \(id)'s calendar '\(text)' is not understood: write it as 'monthly, 5th working day' "
                                           + "(the working day after month end the close is due, 1 to 23)")
                }
                return calendar
            }
            tenants.append(Tenant(id: id, settings: settings,
                                  secret: TenantSecret(kind: secret.kind, place: secret.inFile ? .file(Self.resolve(location, besides: path)) : .environment(location)),
                                  rules: values["rules"].map { Self.resolve($0, besides: path) }, owner: values["owner"], calendar: calendar))
        }
        let ids = tenants.map(\.id)
        if let twice = ids.first(where: { id in ids.filter { $0 == id }.count > 1 }) {
            throw TenantsFileError(message: "\(path): tenant \(twice) is listed twice")
        }
        self.tenants = tenants
    }

    /// Paths in the file (rule sets, secret files) are relative to the file's own folder, wherever the worker runs.
    static func resolve(_ relative: String, besides file: String) -> String {
        relative.hasPrefix("/") ? relative : URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(relative).path
    }

    public func tenant(_ id: String) throws -> Tenant {
        guard let tenant = tenants.first(where: { $0.id == id }) else {
            throw TenantsFileError(message: "\(path) lists no tenant \(id) (it lists \(tenants.count): \(tenants.prefix(5).map(\.id).joined(separator: ", "))\(tenants.count > 5 ? ", …" : ""))")
        }
        return tenant
    }
}

public struct TenantsFileError: Error, CustomStringConvertible, Equatable {
    public var message: String
    public var description: String { message }
}
