public import Ledger
public import Payables

extension AppDatabase {
    /// Every stored ledger's vendor bills and refunds with a vendor, as headers read straight from the
    /// entries table (who, which reference, when, how much): what a new bill is searched for among,
    /// without loading any ledger whole. `include` picks the ledgers. The same bills as
    /// `VendorBill.bills(in:source:)` gives for each ledger's snapshot.
    public func storedVendorBills(from include: (SourceKey) -> Bool = { _ in true }) throws -> [VendorBill] {
        try writer.read { db in
            var bills: [VendorBill] = []
            let rows = try StoreRow.fetchCursor(db, sql: """
                SELECT c.source_key, c.odoo_id AS company_odoo_id, c.currency_id AS home_id, c.currency_code AS home_code,
                       c.currency_scale AS home_scale, m.odoo_id, m.name, m.state, m.move_type, m.date, m.invoice_date, m.partner_id, m.ref,
                       m.currency_id, m.amount_total_in_currency, p.name AS partner_name, cur.code AS code, cur.decimal_places AS scale
                FROM move m JOIN company c ON c.id = m.company_id
                LEFT JOIN partner p ON p.company_id = m.company_id AND p.odoo_id = m.partner_id
                LEFT JOIN currency cur ON cur.company_id = m.company_id AND cur.odoo_id = m.currency_id
                WHERE m.move_type IN (?, ?) AND m.partner_id IS NOT NULL
                ORDER BY c.id, m.odoo_id
                """, arguments: [MoveType.vendorBill.rawValue, MoveType.vendorRefund.rawValue])
            while let row = try rows.next() {
                let source: SourceKey = row["source_key"]
                guard include(source) else { continue }
                let currency = (row["code"] as String?).flatMap(CurrencyCode.init).map { Currency(id: row["currency_id"], code: $0, decimalPlaces: row["scale"]) }
                    ?? Currency(id: row["home_id"], code: CurrencyCode(row["home_code"] as String) ?? .usd, decimalPlaces: row["home_scale"])
                let partnerID: Int = row["partner_id"]
                let isRefund = (row["move_type"] as String) == MoveType.vendorRefund.rawValue
                bills.append(VendorBill(
                    source: source, id: row["odoo_id"], name: row["name"], companyID: row["company_odoo_id"],
                    vendor: BillVendor(partnerID: partnerID, name: row["partner_name"]), reference: row["ref"],
                    invoiceDate: (row["invoice_date"] as String?).flatMap { LocalDate(iso: $0) } ?? LocalDate(iso: row["date"] as String),
                    isRefund: isRefund, state: MoveState(rawValue: row["state"]), total: currency.money(row["amount_total_in_currency"]).magnitude))
            }
            return bills
        }
    }
}
