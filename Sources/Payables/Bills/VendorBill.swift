import Foundation
public import Ledger

/// A vendor bill or refund (account.move of type in_invoice / in_refund) as the payables checks read
/// it: who billed, their reference, when, how much, what it bills (lines, orders) and what came with it.
public struct VendorBill: Sendable, Codable, Hashable {
    /// The ledger (database and company) the bill was read from: duplicates are searched across them.
    public var source: SourceKey
    public var id: Int
    /// Odoo's number, e.g. "BILL/2026/10/0004" ("/" while a draft has none).
    public var name: String
    public var companyID: Int
    public var vendor: BillVendor
    /// The vendor's own invoice number (`ref`), as typed.
    public var reference: String?
    public var invoiceDate: LocalDate?
    public var isRefund: Bool
    public var state: MoveState
    /// `amount_total` in the bill's currency.
    public var total: Money
    public var lines: [VendorBillLine]
    /// SHA-1 checksums of the attached files (ir.attachment `checksum`).
    public var attachmentChecksums: Set<String>
    /// The purchase orders the bill's lines bill (through `purchase_line_id`).
    public var purchaseOrderIDs: Set<Int>
    /// The login of the Odoo user who entered the bill, when read live: they may not release their own bill.
    public var preparerLogin: String?

    public init(source: SourceKey, id: Int, name: String, companyID: Int, vendor: BillVendor, reference: String?, invoiceDate: LocalDate?,
                isRefund: Bool = false, state: MoveState, total: Money, lines: [VendorBillLine] = [], attachmentChecksums: Set<String> = [],
                purchaseOrderIDs: Set<Int> = [], preparerLogin: String? = nil) {
        self.source = source
        self.id = id
        self.name = name
        self.companyID = companyID
        self.vendor = vendor
        self.reference = reference
        self.invoiceDate = invoiceDate
        self.isRefund = isRefund
        self.state = state
        self.total = total
        self.lines = lines
        self.attachmentChecksums = attachmentChecksums
        self.purchaseOrderIDs = purchaseOrderIDs
        self.preparerLogin = preparerLogin
    }

    /// Whether this bill is the original of a pair with `other`: the earlier invoice date, then the
    /// ledger and id, so that each pair is reported once, on its copy.
    public func precedes(_ other: VendorBill) -> Bool {
        (invoiceDate?.daysSinceEpoch ?? 0, source, id) < (other.invoiceDate?.daysSinceEpoch ?? 0, other.source, other.id)
    }

    /// Whether this bill was entered before `other`, so that of a pair the later one is the copy: within a
    /// database Odoo's ids follow creation; across databases only the invoice dates compare.
    public func enteredBefore(_ other: VendorBill) -> Bool {
        source.database == other.source.database ? id < other.id : precedes(other)
    }

    /// "BILL/2026/10/0004 (ref INV-12) of Acme Ltd", for reasons.
    public var title: String {
        "\(name)\(reference.map { " (ref \($0))" } ?? "") of \(vendor.displayName)"
    }
}

/// Who billed: the commercial partner (the company behind a contact), with what identifies it across
/// databases, where partner ids mean nothing.
public struct BillVendor: Sendable, Codable, Hashable {
    public var partnerID: Int
    public var name: String?
    /// The tax id (`vat`), the best identity across databases.
    public var taxID: String?

    public init(partnerID: Int, name: String?, taxID: String? = nil) {
        self.partnerID = partnerID
        self.name = name
        self.taxID = taxID
    }

    public var displayName: String { name.map { $0.isEmpty ? "vendor \(partnerID)" : $0 } ?? "vendor \(partnerID)" }

    /// The same vendor in another database: the tax id when both have one, else the name without case,
    /// spaces or punctuation; nil when neither is known (a vendor without a name matches nobody elsewhere).
    public var crossDatabaseKey: String? {
        if let taxID, !taxID.isEmpty { return "vat:" + BillReference.alphanumerics(taxID) }
        guard let name else { return nil }
        let key = BillReference.alphanumerics(name)
        return key.isEmpty ? nil : "name:" + key
    }
}
