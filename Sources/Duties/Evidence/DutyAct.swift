public import Ledger

/// Something one person did to a vendor, its bank account, its bill or a payment to it, with the record that
/// shows it and what that rests on.
public struct DutyAct: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable, Hashable, CaseIterable {
        case createdVendor = "created-vendor", changedVendor = "changed-vendor"
        case createdBankAccount = "created-bank-account", changedBankAccount = "changed-bank-account", trustedBankAccount = "trusted-bank-account"
        case postedBill = "posted-bill", approvedBill = "approved-bill", paid

        public var duty: VendorDuty {
            switch self {
            case .createdVendor, .changedVendor: .maintainVendors
            case .createdBankAccount, .changedBankAccount: .maintainBankDetails
            case .trustedBankAccount: .trustBankAccounts
            case .postedBill: .postBills
            case .approvedBill: .approveBills
            case .paid: .pay
            }
        }

        var words: String {
            switch self {
            case .createdVendor: "created vendor"
            case .changedVendor: "changed vendor"
            case .createdBankAccount: "created bank account"
            case .changedBankAccount: "changed bank account"
            case .trustedBankAccount: "trusted bank account"
            case .postedBill: "posted bill"
            case .approvedBill: "approved bill"
            case .paid: "registered payment"
            }
        }
    }

    /// What the act rests on: Odoo's tracking of the field (who changed it when), the record's creator, its last
    /// writer (where tracking cannot be read: whoever touched it last, which may not be who posted it), or a
    /// decision recorded in Closer.
    public enum Basis: String, Sendable, Codable, Hashable {
        case tracking, creator, lastWriter = "last-writer", closerApproval = "closer-approval"

        var words: String {
            switch self {
            case .tracking: "Odoo's tracking"
            case .creator: "the record's creator"
            case .lastWriter: "the record's last writer (tracking not readable)"
            case .closerApproval: "Closer's bill approvals"
            }
        }
    }

    public var kind: Kind
    public var odooUserID: Int
    public var vendor: RecordRef
    public var record: RecordRef
    /// The tracked field, where the act is a tracked change.
    public var field: String?
    public var at: Timestamp?
    public var basis: Basis

    public init(kind: Kind, odooUserID: Int, vendor: RecordRef, record: RecordRef, field: String? = nil, at: Timestamp?, basis: Basis) {
        self.kind = kind
        self.odooUserID = odooUserID
        self.vendor = vendor
        self.record = record
        self.field = field
        self.at = at
        self.basis = basis
    }

    public var duty: VendorDuty { kind.duty }

    /// "changed bank account NL91ABNA0417164300 (res.partner.bank 12), field acc_number, at 2026-12-01 10:11:12, per Odoo's tracking".
    public var words: String {
        "\(kind.words) \(record.name) (\(record.model) \(record.id))" + (field.map { ", field \($0)" } ?? "")
            + (at.map { ", at \($0)" } ?? "") + ", per \(basis.words)"
    }
}
