public import Receivables

extension OdooLedgerSource {
    /// The company's customers' credit, read live (a pull keeps neither orders nor limits): every customer with an
    /// open receivable or a confirmed order not yet invoiced, and those of `partnerIDs` (customers with an open hold). Read-only.
    public func customerCredit(including partnerIDs: [Int]) async throws -> CreditReading {
        let companyID = try await resolvedCompanyID()
        let reader = OdooCreditReader(client: client, schema: try await schema(), companyID: companyID)
        return try await reader.read(including: partnerIDs, sourceKey: sourceKey(companyID: companyID))
    }
}
