public import Treasury
import OdooRPC

extension OdooLedgerSource {
    /// What a payment run needs from Odoo for the company: bills to pay, vendors' bank accounts and their tracked
    /// changes, outgoing payments, bank journals and their projected balances. Read-only.
    public func treasuryReading() async throws -> TreasuryReading {
        let companyID = try await resolvedCompanyID()
        let reader = OdooLedgerReader(client: client, schema: try await schema(), progress: nil)
        return try await OdooTreasuryReader(reader: reader, companyID: companyID).read(sourceKey: sourceKey(companyID: companyID))
    }
}

extension OdooLedgerSource {
    /// One bank account as Odoo holds it now, or nil when it is gone. Read-only.
    public func bankAccount(id: Int) async throws -> VendorBankAccount? {
        guard let values = try await client.read("res.partner.bank", ids: [id], fields: ["partner_id", "acc_number", "acc_holder_name", "allow_out_payment"]).first
        else { return nil }
        let record = OdooRecord(model: "res.partner.bank", values: values)
        return VendorBankAccount(id: id, partnerID: try record.many2oneID("partner_id"), number: record.optionalString("acc_number") ?? "",
                                 holderName: record.optionalString("acc_holder_name"), trusted: record.bool("allow_out_payment"))
    }
}
