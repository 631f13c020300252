import ArgumentParser
import CloseSettings
import CloseStore
import Foundation

/// Options every command shares.
struct CommonOptions: ParsableArguments {
    @Option(help: "Configuration file (default: ./closer.yaml when present; env CLOSER_CONFIG).")
    var config: String?

    @Option(help: "The Closer store, a SQLite file (env CLOSER_STORE; default .closer/closer.sqlite).")
    var store: String?

    @Flag(help: "Print the result as JSON (and no progress).")
    var json = false

    func resolver(flags: [Setting: String] = [:]) throws -> SettingsResolver {
        let environment = ProcessInfo.processInfo.environment
        let file = try ConfigFile.load(path: config ?? environment["CLOSER_CONFIG"])
        var all = flags
        if let store { all[.store] = store }
        return SettingsResolver(flags: all, environment: environment, file: file)
    }
}

/// How to reach Odoo; each also readable from the environment or closer.yaml.
struct ConnectionOptions: ParsableArguments {
    @Option(help: "Odoo address, e.g. https://erp.example.com (env CLOSER_ODOO_URL).") var url: String?
    @Option(help: "Odoo database (env CLOSER_ODOO_DB).") var db: String?
    @Option(help: "Odoo login (env CLOSER_ODOO_USER).") var user: String?
    @Option(help: "Password (env CLOSER_ODOO_PASSWORD; prefer the environment: flags show in process lists).") var password: String?
    @Option(help: "API key instead of a password (env CLOSER_ODOO_API_KEY).") var apiKey: String?
    @Option(name: .customLong("protocol"), help: "xmlrpc (default), jsonrpc, or json2 (Odoo 19, API key).") var rpcProtocol: String?
    @Option(help: "Company id to close (default: the user's current company).") var company: String?
    @Option(help: "audit (default: never writes to Odoo), supervised or autonomous (env CLOSER_MODE).") var mode: String?
    @Option(help: "Calls in flight to Odoo at once, at most (env CLOSER_ODOO_MAX_CONCURRENT_CALLS; default 2).") var maxConcurrentCalls: String?

    var flags: [Setting: String] {
        var flags: [Setting: String] = [:]
        flags[.odooURL] = url
        flags[.odooDatabase] = db
        flags[.odooUser] = user
        flags[.odooPassword] = password
        flags[.odooAPIKey] = apiKey
        flags[.odooProtocol] = rpcProtocol
        flags[.odooCompany] = company
        flags[.mode] = mode
        flags[.odooMaxConcurrentCalls] = maxConcurrentCalls
        return flags
    }
}

enum Output {
    static func json(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}

extension CommonOptions {
    /// The store the command works on. It must exist: a mistyped path is refused, never created
    /// (only `pull`, `demo` and `users add` create a store).
    func openStore() throws -> AppDatabase {
        let resolver = try resolver()
        return try AppDatabase.open(at: resolver.storePath).signingCheckpointsAtRunEnd(resolver)
    }
}

extension AppDatabase {
    /// With a signing key configured (CLOSER_AUDIT_KEY_FILE), every run this process finishes ends with a signed
    /// checkpoint of the audit head; a broken key setting stops the command before anything runs.
    func signingCheckpointsAtRunEnd(_ resolver: SettingsResolver) throws -> AppDatabase {
        signAuditCheckpointsAtRunEnd(with: try AuditKeySettings(resolving: resolver).signingKey)
        return self
    }
}

extension SettingsResolver {
    var storePath: String { string(.store) ?? ".closer/closer.sqlite" }
}
