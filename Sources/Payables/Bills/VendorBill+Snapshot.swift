public import Ledger

extension VendorBill {
    /// The vendor bills and refunds of a pulled ledger, as headers: who, which reference, when, how much
    /// (lines, orders and attachments are not part of a pull).
    public static func bills(in snapshot: LedgerSnapshot, source: SourceKey) -> [VendorBill] {
        let partners = Dictionary(snapshot.partners.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return snapshot.moves.compactMap { move in
            guard move.type == .vendorBill || move.type == .vendorRefund, let partnerID = move.partnerID else { return nil }
            return VendorBill(source: source, id: move.id, name: move.name, companyID: snapshot.company.id,
                              vendor: BillVendor(partnerID: partnerID, name: partners[partnerID]?.name), reference: move.ref,
                              invoiceDate: move.invoiceDate ?? move.date, isRefund: move.type == .vendorRefund, state: move.state,
                              total: move.amountTotalInCurrency.magnitude)
        }
    }
}
