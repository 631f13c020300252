import Foundation
import OdooRPC

/// A company nobody tuned Closer for, built afresh in the purchase + stock scratch database: a random
/// name, a currency other than the demo's (activated if need be), its own chart of accounts and
/// warehouse. Vendors, products, orders and bills are created in it with random names, reference
/// formats, quantities and prices; every call carries the company in its context.
struct LiveUnseenCompany {
    let client: OdooClient
    let id: Int
    let currency: String
    /// Minor units per unit of the currency (1 for a currency without decimals).
    let cents: Int
    let tag: String

    static var endpoint: OdooEndpoint? {
        let environment = ProcessInfo.processInfo.environment
        guard let url = environment["CLOSER_TEST_ODOO_URL"].flatMap(URL.init(string:)), let database = environment["CLOSER_TEST_ODOO_ORDERS_DB"] else {
            print("◇ Live unseen-company test skipped: set CLOSER_TEST_ODOO_URL and CLOSER_TEST_ODOO_ORDERS_DB (a purchase + stock database it may add a company to).")
            return nil
        }
        return OdooEndpoint(url: url, database: database, login: environment["CLOSER_TEST_ODOO_USER"] ?? "admin",
                            credential: .password(environment["CLOSER_TEST_ODOO_PASSWORD"] ?? "admin"))
    }

    /// Creates the company: chart of accounts first (Odoo's generic chart sets its own currency), then ours.
    static func create(_ client: OdooClient) async throws -> LiveUnseenCompany {
        let tag = RandomText.word(6)
        let code = ["CHF", "SEK", "NOK", "DKK", "PLN", "CZK", "JPY", "HUF", "ZAR", "NZD"].randomElement()!
        let currencies = try await client.searchRead("res.currency", domain: [["name", "=", .string(code)], ["active", "in", [true, false]]],
                                                     fields: ["decimal_places"])
        let currency = try required(currencies.first?["id"]?.int, "no \(code) currency in the database")
        try await client.write("res.currency", ids: [currency], ["active": true])
        let id = try await client.create("res.company", [["name": .string("\(RandomText.name()) \(tag)")]])[0]
        let uid = try await client.authenticate()
        try await client.write("res.users", ids: [uid], ["company_ids": [[4, RPCValue(id)]]])
        try await client.callReturningNothing("account.chart.template", "try_loading", [[], "generic_coa", RPCValue(id)])
        try await client.write("res.company", ids: [id], ["currency_id": RPCValue(currency)])
        let company = LiveUnseenCompany(client: client, id: id, currency: code,
                                        cents: (currencies.first?["decimal_places"]?.int ?? 2) == 0 ? 1 : 100, tag: tag)
        // Odoo creates a company's warehouse only in its own tests: a new company has none, and orders need its receipts.
        _ = try await company.create("stock.warehouse", ["name": .string("Warehouse \(tag)"), "code": .string(String(tag.prefix(5)).uppercased())])
        print("[live] unseen company \(id) '\(RandomText.name()) \(tag)' in \(code)")
        return company
    }

    var context: RPCStruct { ["allowed_company_ids": RPCValue([id])] }

    func create(_ model: String, _ values: RPCStruct) async throws -> Int {
        let value = try await client.execute(model, "create", [.array([.structure(values)])], ["context": .structure(context)], idempotent: false)
        return try required(value.int ?? value.arrayValue?.first?.int, "\(model).create answered \(value)")
    }

    /// Searches, reads, writes and deletes in the company (Odoo's multi-company rules hide it from calls without it).
    func search(_ model: String, _ domain: [RPCValue]) async throws -> [Int] {
        let value = try await client.execute(model, "search", [.array(domain)], ["context": .structure(context)], idempotent: true)
        return (value.arrayValue ?? []).compactMap(\.int)
    }

    func ids(_ model: String, _ id: Int, _ field: String) async throws -> [Int] {
        let value = try await client.execute(model, "read", [RPCValue([id])], ["fields": RPCValue([field]), "context": .structure(context)], idempotent: true)
        return (value.arrayValue?.first?.structValue?[field]?.arrayValue ?? []).compactMap(\.int).sorted()
    }

    func write(_ model: String, _ ids: [Int], _ values: RPCStruct) async throws {
        _ = try await client.execute(model, "write", [RPCValue(ids), .structure(values)], ["context": .structure(context)], idempotent: false)
    }

    func unlink(_ model: String, _ ids: [Int]) async throws {
        _ = try await client.execute(model, "unlink", [RPCValue(ids)], ["context": .structure(context)], idempotent: false)
    }

    func call(_ model: String, _ method: String, _ ids: [Int], context extra: RPCStruct = [:]) async throws {
        var context = self.context
        for (key, value) in extra { context[key] = value }
        try await client.callReturningNothing(model, method, [RPCValue(ids)], ["context": .structure(context)])
    }

    func vendor(_ name: String?) async throws -> Int {
        // A partner without a name is allowed for addresses other than contacts (Odoo's check_name constraint).
        try await create("res.partner", name.map { ["name": .string($0), "is_company": true] } ?? ["name": false, "type": "invoice"])
    }

    func product(billed policy: String) async throws -> Int {
        try await create("product.product", ["name": .string("\(RandomText.name()) \(tag)"), "type": "consu", "is_storable": true,
                                             "purchase_method": .string(policy)])
    }

    /// An amount in the currency from minor units of a two-decimal currency (rounded for one without decimals).
    func price(_ minorUnits: Int) -> RPCValue {
        .double(WireNumber(minorUnits: Int64(cents == 1 ? max(1, minorUnits / 100) : minorUnits), scale: cents == 1 ? 0 : 2))
    }

    /// A confirmed order with `received` of each line received (the receipt validated without a backorder),
    /// or left in draft; returns the order and its line ids in the order given.
    func order(vendor: Int, lines: [(product: Int, quantity: Int, price: Int, received: Int)], confirm: Bool = true) async throws -> (Int, [Int]) {
        let order = try await create("purchase.order", ["partner_id": RPCValue(vendor), "company_id": RPCValue(id), "order_line": .array(lines.map {
            [0, 0, ["product_id": RPCValue($0.product), "product_qty": RPCValue($0.quantity), "price_unit": price($0.price)]]
        })])
        let lineIDs = try await ids("purchase.order", order, "order_line")
        guard confirm else { return (order, lineIDs) }
        try await call("purchase.order", "button_confirm", [order])
        let pickings = try await ids("purchase.order", order, "picking_ids")
        for (line, wanted) in zip(lineIDs, lines) {
            try await write("stock.move", try await search("stock.move", [["purchase_line_id", "=", RPCValue(line)]]), ["quantity": RPCValue(wanted.received)])
        }
        // Nothing received: the receipt stays open (Odoo validates no transfer without quantities).
        guard lines.contains(where: { $0.received > 0 }) else { return (order, lineIDs) }
        try await call("stock.picking", "button_validate", pickings,
                       context: ["skip_backorder": true, "picking_ids_not_to_backorder": RPCValue(pickings)])
        return (order, lineIDs)
    }

    /// A vendor bill, posted unless told otherwise; lines name the order line they bill, if any.
    func bill(vendor: Int, reference: String?, on date: String, lines: [(product: Int, quantity: Int, price: Int, orderLine: Int?)],
              currency: Int? = nil, post: Bool = true) async throws -> Int {
        var values: RPCStruct = ["move_type": "in_invoice", "partner_id": RPCValue(vendor), "invoice_date": .string(date), "company_id": RPCValue(id),
                                 "invoice_line_ids": .array(lines.map { line in
                                     var values: RPCStruct = ["product_id": RPCValue(line.product), "quantity": RPCValue(line.quantity), "price_unit": price(line.price)]
                                     if let orderLine = line.orderLine { values["purchase_line_id"] = RPCValue(orderLine) }
                                     return [0, 0, .structure(values)]
                                 })]
        if let reference { values["ref"] = .string(reference) }
        if let currency { values["currency_id"] = RPCValue(currency) }
        let bill = try await create("account.move", values)
        if post { try await call("account.move", "action_post", [bill]) }
        return bill
    }
}

/// Random names and references in formats nobody chose in advance.
enum RandomText {
    static func word(_ length: Int) -> String { String((0..<length).map { _ in "abcdefghijklmnopqrstuvwxyz".randomElement()! }) }

    static func name() -> String {
        let syllables = ["ka", "lo", "vir", "tem", "os", "qua", "zen", "dri", "mo", "sal", "ux", "bre", "nio", "ter", "ol"]
        let word = (0..<Int.random(in: 2...3)).map { _ in syllables.randomElement()! }.joined()
        return word.prefix(1).uppercased() + word.dropFirst() + " " + ["Ltd", "GmbH", "S.A.", "AB", "Sp. z o.o.", "Oy", "& Co"].randomElement()!
    }

    /// A vendor's numbering: a format picked at random, then numbers in it.
    struct Numbering {
        let prefix: String
        let separator: String
        let width: Int
        let withYear: Bool

        static func random() -> Numbering {
            // Prefixes may hold the letters people confuse with digits (O, I, L): they must survive retyping too.
            Numbering(prefix: String((0..<Int.random(in: 0...4)).map { _ in "ABCDEFGHIJKLMNOPRSTVWZ".randomElement()! }),
                      separator: ["-", "/", "", " ", "."].randomElement()!, width: Int.random(in: 3...7), withYear: Bool.random())
        }

        func reference(_ number: Int, year: Int) -> String {
            let digits = String(number)
            let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
            // Between two numbers a separator is needed, or the year and the number read as one.
            let yearPart = withYear ? "\(year)\(separator.isEmpty ? "-" : separator)" : ""
            return (prefix.isEmpty ? "" : prefix + separator) + yearPart + padded
        }
    }

    /// The reference as someone retyping it might: case changed, separators swapped or dropped, leading
    /// zeros dropped, O typed for 0 — always different from the original.
    static func retyped(_ reference: String) -> String {
        while true {
            var text = reference
            let dropsSeparators = Bool.random()
            if Bool.random() { text = text.lowercased() }
            if dropsSeparators {
                text = text.filter { $0.isLetter || $0.isNumber }
            } else {
                text = String(text.map { "-/. ".contains($0) ? ["-", " ", "/", " / "].randomElement()!.first! : $0 })
                // Leading zeros of the last number dropped.
                if let lastRun = text.lastIndex(where: { !$0.isNumber }).map({ text.index(after: $0) }) ?? text.indices.first {
                    let number = text[lastRun...]
                    if number.count > 1, number.first == "0" { text = text[..<lastRun] + String(Int(number)!) }
                }
            }
            if Bool.random() { text = text.replacingOccurrences(of: "0", with: "O") }
            if text != reference { return text }
        }
    }
}

/// `#require` for helpers outside a test: throws with the message instead of recording.
func required<T>(_ value: T?, _ message: String) throws -> T {
    guard let value else { throw LiveSetupError(message: message) }
    return value
}

struct LiveSetupError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
