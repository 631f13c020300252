import Foundation
import OdooRPC

/// The scratch database the live order test writes into.
enum LiveOrderDatabase {
    static var endpoint: OdooEndpoint? {
        endpoint(url: "CLOSER_TEST_ODOO_URL", database: "CLOSER_TEST_ODOO_ORDERS_DB",
                 skipped: "◇ Live order-line test skipped: set CLOSER_TEST_ODOO_URL and CLOSER_TEST_ODOO_ORDERS_DB (a scratch database it may write to).")
    }

    /// The endpoint the environment variables `url` and `database` name (admin unless CLOSER_TEST_ODOO_USER/PASSWORD
    /// say otherwise), or nil after printing why the test is skipped.
    static func endpoint(url urlVariable: String, database databaseVariable: String, skipped: String) -> OdooEndpoint? {
        let environment = ProcessInfo.processInfo.environment
        guard let url = environment[urlVariable].flatMap(URL.init(string:)), let database = environment[databaseVariable] else {
            print(skipped)
            return nil
        }
        return OdooEndpoint(url: url, database: database, login: environment["CLOSER_TEST_ODOO_USER"] ?? "admin",
                            credential: .password(environment["CLOSER_TEST_ODOO_PASSWORD"] ?? "admin"))
    }

    /// A purchase order of 10 of each product at 12.50, confirmed, with 4 of each received (the receipt
    /// validated without a backorder); each product billed as its policy says ("receive" or "purchase").
    static func partlyReceivedOrder(_ client: OdooClient, vendor: Int, products: [(name: String, policy: String)]) async throws -> Int {
        var lines: [RPCValue] = []
        for product in products {
            let id = try await client.create("product.product", [["name": .string(product.name), "type": "consu", "is_storable": true,
                                                                   "purchase_method": .string(product.policy)]])[0]
            lines.append([0, 0, ["product_id": RPCValue(id), "product_qty": 10, "price_unit": .double(WireNumber(text: "12.5")!)]])
        }
        let order = try await client.create("purchase.order", [["partner_id": RPCValue(vendor), "order_line": .array(lines)]])[0]
        _ = try await client.execute("purchase.order", "button_confirm", [RPCValue([order])], idempotent: false)
        let pickings = try await client.read("purchase.order", ids: [order], fields: ["picking_ids"]).first?["picking_ids"]?.arrayValue?.compactMap(\.int) ?? []
        let moves = try await client.search("stock.move", domain: [["picking_id", "in", RPCValue(pickings)]])
        try await client.write("stock.move", ids: moves, ["quantity": 4])
        _ = try await client.execute("stock.picking", "button_validate", [RPCValue(pickings)],
                                     ["context": ["skip_backorder": true, "picking_ids_not_to_backorder": RPCValue(pickings)]], idempotent: false)
        return order
    }
}
