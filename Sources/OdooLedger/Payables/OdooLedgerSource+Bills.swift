public import Ledger
public import Payables

extension OdooLedgerSource {
    /// The period's vendor bills of the company, with their lines and the purchase order lines they
    /// bill, read live (a pull keeps neither). Read-only.
    public func vendorBills(in period: Period) async throws -> PurchaseBills {
        let (reader, companyID) = try await billReader()
        return try await reader.vendorBills(companyID: companyID, period: period, source: sourceKey(companyID: companyID))
    }

    /// The company's vendor bills among `ids` (what an Odoo webhook names), read as for the match.
    public func vendorBills(ids: [Int]) async throws -> PurchaseBills {
        let (reader, companyID) = try await billReader()
        return try await reader.vendorBills(companyID: companyID, ids: ids, source: sourceKey(companyID: companyID))
    }

    /// The bills of every company of this database that one of `bills` may duplicate (same vendor, same
    /// total, or a file in common), without lines. Read-only.
    public func duplicateCandidates(of bills: [VendorBill]) async throws -> [VendorBill] {
        let (reader, _) = try await billReader()
        return try await reader.duplicateCandidates(of: bills, sourceOf: sourceKey(companyID:))
    }

    private func billReader() async throws -> (OdooLedgerReader, companyID: Int) {
        (OdooLedgerReader(client: client, schema: try await schema(), progress: nil), try await resolvedCompanyID())
    }
}

extension OdooLedgerSource {
    /// What routing `bills` needs from Odoo (amounts in company currency, the vendor's first posted bill,
    /// bank-detail changes, analytic accounts) and OCA tier validation's reviews where it is installed. Read-only.
    public func billApprovalReading(of bills: [VendorBill]) async throws -> BillApprovalReading {
        let (reader, _) = try await billReader()
        return try await reader.billApprovalReading(of: bills)
    }
}
