public import Ledger

extension OdooLedgerSource {
    /// The period's vendor bills of the company, with their lines and the purchase order lines they
    /// bill, read live (a pull keeps neither). Read-only.
    public func vendorBills(in period: Period) async throws -> PurchaseBills {
        let schema = try await OdooSchema.detect(using: client)
        let companyID = try await resolvedCompanyID()
        return try await OdooLedgerReader(client: client, schema: schema, progress: nil)
            .vendorBills(companyID: companyID, period: period, source: sourceKey(companyID: companyID))
    }
}
