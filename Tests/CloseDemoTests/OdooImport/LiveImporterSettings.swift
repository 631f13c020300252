import Foundation
import OdooRPC

/// The live Odoo the importer tests write into: CLOSER_TEST_ODOO_URL (+ _USER, _PASSWORD) and the
/// database CLOSER_TEST_ODOO_PUSH_DB (default closerpush), which is reset from its template first.
enum LiveImporterSettings {
    static let environment = ProcessInfo.processInfo.environment

    static var endpoint: OdooEndpoint? {
        guard let text = environment["CLOSER_TEST_ODOO_URL"], let url = URL(string: text) else { return nil }
        return OdooEndpoint(url: url, database: environment["CLOSER_TEST_ODOO_PUSH_DB"] ?? "closerpush",
                            login: environment["CLOSER_TEST_ODOO_USER"] ?? "admin",
                            credential: .password(environment["CLOSER_TEST_ODOO_PASSWORD"] ?? "admin"))
    }

    /// CLOSER_TEST_ODOO_ORDERS_DB (purchase and stock installed), shared: tests write there under tags of their own.
    static var ordersEndpoint: OdooEndpoint? {
        guard let endpoint, let database = environment["CLOSER_TEST_ODOO_ORDERS_DB"] else {
            print("◇ Live demo purchasing test skipped: set CLOSER_TEST_ODOO_URL and CLOSER_TEST_ODOO_ORDERS_DB (purchase and stock installed).")
            return nil
        }
        var orders = endpoint
        orders.database = database
        return orders
    }

    /// scripts/odoo-dev-server.sh of the main checkout (found from this file or CLOSER_ODOO_DEV_SCRIPT).
    static var resetScript: String? {
        let candidates: [String?] = [environment["CLOSER_ODOO_DEV_SCRIPT"], "/work/main/scripts/odoo-dev-server.sh",
                          URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../scripts/odoo-dev-server.sh").path]
        return candidates.compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var enabled: Bool {
        let on = endpoint != nil && resetScript != nil
        if !on {
            print("◇ Live OdooLedgerImporter tests skipped: set CLOSER_TEST_ODOO_URL (and _USER, _PASSWORD, CLOSER_TEST_ODOO_PUSH_DB) "
                  + "and provide scripts/odoo-dev-server.sh to reset the push database.")
        }
        return on
    }

    static func reset(_ database: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [resetScript!, "reset", database]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw OdooError.malformedResponse("reset of \(database) failed") }
    }
}
