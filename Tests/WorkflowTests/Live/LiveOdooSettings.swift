@testable import CloseSettings
import Foundation
import Testing

/// The test Odoo named by CLOSER_TEST_ODOO_URL, _DB, _USER and _PASSWORD; without them the live suites are skipped.
/// CLOSER_TEST_ODOO_PROTOCOL (e.g. json2) and CLOSER_TEST_ODOO_API_KEY run them over another protocol or with a key.
enum LiveOdooSettings {
    static var settings: OdooSettings? { settings(mode: "audit") }

    /// Tests that write to Odoo on purpose ask for a mode that allows it.
    static func settings(mode: String) -> OdooSettings? {
        let environment = ProcessInfo.processInfo.environment
        guard let url = environment["CLOSER_TEST_ODOO_URL"], let db = environment["CLOSER_TEST_ODOO_DB"],
              let user = environment["CLOSER_TEST_ODOO_USER"], let password = environment["CLOSER_TEST_ODOO_PASSWORD"] else { return nil }
        let flags: [Setting: String] = [.odooURL: url, .odooDatabase: db, .odooUser: user, .odooPassword: password, .mode: mode,
                                        .odooProtocol: environment["CLOSER_TEST_ODOO_PROTOCOL"] ?? "",
                                        .odooAPIKey: environment["CLOSER_TEST_ODOO_API_KEY"] ?? ""]
        return try? OdooSettings(resolving: SettingsResolver(flags: flags, environment: [:], file: nil))
    }

    /// Settings for the scratch database `databaseVariable` names (admin unless CLOSER_TEST_ODOO_USER/PASSWORD say otherwise),
    /// at `url` when given (a proxy); nil after printing `skipped` when it is not set.
    static func scratch(_ databaseVariable: String, mode: String, url: String?, skipped: String) throws -> OdooSettings? {
        let environment = ProcessInfo.processInfo.environment
        guard let base = environment["CLOSER_TEST_ODOO_URL"], let database = environment[databaseVariable] else {
            print(skipped)
            return nil
        }
        return try OdooSettings(resolving: SettingsResolver(flags: [
            .odooURL: url ?? base, .odooDatabase: database, .odooUser: environment["CLOSER_TEST_ODOO_USER"] ?? "admin",
            .odooPassword: environment["CLOSER_TEST_ODOO_PASSWORD"] ?? "admin", .mode: mode,
        ], environment: [:], file: nil))
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs a suite only when the test Odoo is configured.
    static var liveOdoo: Self {
        .enabled(if: LiveOdooSettings.settings != nil,
                 "skipped: set CLOSER_TEST_ODOO_URL, CLOSER_TEST_ODOO_DB, CLOSER_TEST_ODOO_USER, CLOSER_TEST_ODOO_PASSWORD")
    }
}
