import Foundation
public import Ledger
public import OdooRPC
public import Receivables

/// Reads the customers' credit for one company: open receivable items (posted, not reconciled, on receivable
/// accounts — what Odoo's `res.partner.credit` sums), confirmed sales orders' `amount_to_invoice` converted at the
/// order's rate (as Odoo's `credit_to_invoice` does), and each customer's `credit_limit` for that company. Read-only.
struct OdooCreditReader {
    let client: OdooClient
    let schema: OdooSchema
    let companyID: Int

    func read(including partnerIDs: [Int], sourceKey: SourceKey) async throws -> CreditReading {
        let company = try await client.read("res.company", ids: [companyID], fields: schema.available(["currency_id", "account_use_credit_limit"], on: "res.company"))
            .first.map { OdooRecord(model: "res.company", values: $0) }
        guard let company else { throw OdooMappingError(model: "res.company", recordID: companyID, field: "id", problem: "no such company for this user") }
        let currencyID = try company.many2oneID("currency_id")
        guard let currencyRecord = try await client.read("res.currency", ids: [currencyID], fields: OdooFieldLists.currency).first else {
            throw company.fail("currency_id", "a currency that cannot be read")
        }
        let currency = try OdooLedgerMapping.currency(OdooRecord(model: "res.currency", values: currencyRecord))
        let limitsUsed = company.bool("account_use_credit_limit")

        let items = try await openItems(currency: currency)
        let sales = schema.hasModel("sale.order")
        let orders = sales ? try await uninvoicedOrders(currency: currency) : [:]
        let ids = Set(items.keys).union(orders.keys).union(partnerIDs).sorted()
        let partners = try await customers(ids, currency: currency, limitsUsed: limitsUsed)
        let customers = ids.compactMap { id -> CustomerCredit? in
            guard let partner = partners[id] else { return nil }
            return CustomerCredit(customerID: id, customerName: partner.name, openItems: items[id] ?? [], uninvoicedOrders: orders[id] ?? currency.zero,
                                  limit: partner.limit)
        }
        return CreditReading(sourceKey: sourceKey, currency: currency, creditLimitsUsed: limitsUsed, salesInstalled: sales, customers: customers)
    }

    /// Open receivable items by customer (the receivable line's partner is the invoice's commercial partner).
    private func openItems(currency: Currency) async throws -> [Int: [OpenReceivable]] {
        let lines = try await client.searchRead("account.move.line", domain: [
            ["company_id", "=", RPCValue(companyID)], ["parent_state", "=", "posted"], ["reconciled", "=", false],
            ["account_id.account_type", "=", "asset_receivable"], ["partner_id", "!=", false],
        ], fields: ["partner_id", "amount_residual", "date_maturity", "date"])
        var items: [Int: [OpenReceivable]] = [:]
        for values in lines {
            let line = OdooRecord(model: "account.move.line", values: values)
            let partner = try line.many2oneID("partner_id")
            let due = try line.optionalDate("date_maturity") ?? line.date("date")
            items[partner, default: []].append(OpenReceivable(dueDate: due, amount: try line.money("amount_residual", in: currency)))
        }
        return items
    }

    /// Confirmed orders' amounts not yet invoiced, in the company's currency, by the commercial partner invoiced.
    private func uninvoicedOrders(currency: Currency) async throws -> [Int: Money] {
        let orders = try await client.searchRead("sale.order", domain: [
            ["company_id", "=", RPCValue(companyID)], ["state", "=", "sale"],
            ["order_line.untaxed_amount_to_invoice", ">", 0],
        ], fields: ["partner_invoice_id", "amount_to_invoice", "currency_id", "currency_rate"]).map { OdooRecord(model: "sale.order", values: $0) }
        let commercial = try await client.commercialPartners(of: Set(try orders.map { try $0.many2oneID("partner_invoice_id") }))
        var amounts: [Int: Money] = [:]
        for order in orders {
            let amount = try companyAmount(order, currency: currency)
            let invoiced = try order.many2oneID("partner_invoice_id")
            let partner = commercial[invoiced] ?? invoiced
            amounts[partner] = (amounts[partner] ?? currency.zero) + amount
        }
        return amounts
    }

    /// `amount_to_invoice` in the order's currency divided by its rate (order currency per company unit), rounded once.
    private func companyAmount(_ order: OdooRecord, currency: Currency) throws -> Money {
        let orderCurrency = try order.many2oneID("currency_id")
        let amount = try order.decimal("amount_to_invoice")
        let rate = try order.decimal("currency_rate")
        let converted = orderCurrency == currency.id || rate == 0 ? amount : amount / rate
        do {
            return try Money(parsing: "\(converted)", currency: currency.code, scale: currency.decimalPlaces, rounding: true)
        } catch {
            throw order.fail("amount_to_invoice", "an amount that cannot be converted (\(converted))")
        }
    }

    /// Each customer's name and credit limit for this company (`credit_limit` depends on the company: read in its context);
    /// a limit counts only where the company uses credit limits and it is above zero.
    private func customers(_ ids: [Int], currency: Currency, limitsUsed: Bool) async throws -> [Int: (name: String, limit: Money?)] {
        guard !ids.isEmpty else { return [:] }
        let fields = schema.available(["name", "credit_limit"], on: "res.partner")
        let value = try await client.execute("res.partner", "read", [RPCValue(ids)],
                                             ["fields": RPCValue(fields), "context": ["allowed_company_ids": RPCValue([companyID])]], idempotent: true)
        var partners: [Int: (name: String, limit: Money?)] = [:]
        for values in value.arrayValue?.compactMap(\.structValue) ?? [] {
            let partner = OdooRecord(model: "res.partner", values: values)
            guard let id = partner.id else { continue }
            let limit = try partner.money("credit_limit", in: currency)
            partners[id] = (partner.optionalString("name") ?? "partner \(id)", limitsUsed && limit.minorUnits > 0 ? limit : nil)
        }
        return partners
    }
}
