public import Ledger

extension OdooLedgerSource {
    /// Who holds which vendor duty in the company, and who did what to its vendors, their bank accounts, bills
    /// and payments dated from `since`, and the vendors of `billIDs` too. Read-only; needs a login that may read access
    /// rights (an administrator).
    public func dutyReading(since: LocalDate, billIDs: [Int] = []) async throws -> DutyReading {
        let companyID = try await resolvedCompanyID()
        return try await OdooDutyReader(client: client, sourceKey: sourceKey(companyID: companyID)).read(companyID: companyID, since: since, billIDs: billIDs)
    }
}
