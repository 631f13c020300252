public import Foundation

/// Where a tenant's Odoo password or API key is kept: an environment variable or a file (a mounted
/// secret), named in the tenants file. The value itself is never written there nor stored by Closer.
public struct TenantSecret: Hashable, Sendable {
    public enum Kind: String, Sendable { case password, apiKey = "api_key" }
    public enum Place: Hashable, Sendable {
        case environment(String)
        case file(String)
    }

    public var kind: Kind
    public var place: Place

    public init(kind: Kind, place: Place) {
        self.kind = kind
        self.place = place
    }

    var setting: Setting { kind == .password ? .odooPassword : .odooAPIKey }

    /// The secret, read now; a missing variable or unreadable file is an error naming the tenant and the fix.
    func value(for tenant: String, environment: [String: String]) throws -> String {
        switch place {
        case .environment(let name):
            guard let value = environment[name], !value.isEmpty else {
                throw TenantsFileError(message: "tenant \(tenant): the environment variable \(name) (its Odoo \(kind.rawValue)) is not set: export it in this worker's environment")
            }
            return value
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path),
                  let value = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
                throw TenantsFileError(message: "tenant \(tenant): the secret file \(path) (its Odoo \(kind.rawValue)) is missing, unreadable or empty")
            }
            return value
        }
    }
}
