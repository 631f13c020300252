public import OdooRPC
public import Receivables

/// The customer's warning on sales orders in Odoo (`res.partner.sale_warn`/`sale_warn_msg`, added by Sales):
/// Odoo 18's quotation shows its message as soon as the customer is chosen and, for `block`, takes the customer
/// off the quotation again (`sale.order._onchange_partner_id_warning`; a contact of the company inherits it). This
/// is how a credit hold stops new sales in Odoo itself. Read before every write, so a retry writes nothing twice.
public struct OdooSaleWarning: Sendable {
    let client: OdooClient

    public init(client: OdooClient) { self.client = client }

    /// Whether the database has sales warnings (Odoo's Sales app is installed).
    public func isInstalled() async throws -> Bool {
        try await client.searchCount("ir.model.fields", domain: [["model", "=", "res.partner"], ["name", "=", "sale_warn"]]) > 0
    }

    /// The customer's warning now; nil when the customer is gone.
    public func warning(of partnerID: Int) async throws -> SaleWarning? {
        guard let values = try await client.read("res.partner", ids: [partnerID], fields: ["sale_warn", "sale_warn_msg"]).first else { return nil }
        let partner = OdooRecord(model: "res.partner", values: values)
        return SaleWarning(level: partner.optionalString("sale_warn") ?? SaleWarning.none, message: partner.optionalString("sale_warn_msg"))
    }

    /// Sets the warning unless the customer already has exactly it.
    public func set(_ warning: SaleWarning, on partnerID: Int) async throws {
        guard try await self.warning(of: partnerID) != warning else { return }
        try await client.write("res.partner", ids: [partnerID], ["sale_warn": .string(warning.level),
                                                                  "sale_warn_msg": warning.message.map(RPCValue.string) ?? .bool(false)])
    }
}
