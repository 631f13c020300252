public import Ledger

/// A bank account as one pull saw it, with Odoo's own record of who created it and who wrote it last
/// (`create_uid`/`create_date`, `write_uid`/`write_date`): what change detection compares.
public struct ObservedBankAccount: Sendable, Hashable, Codable {
    public var account: VendorBankAccount
    public var active: Bool
    public var createdAt: Timestamp
    public var createdBy: String
    public var writtenAt: Timestamp
    public var writtenBy: String

    public init(account: VendorBankAccount, active: Bool, createdAt: Timestamp, createdBy: String, writtenAt: Timestamp, writtenBy: String) {
        self.account = account
        self.active = active
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.writtenAt = writtenAt
        self.writtenBy = writtenBy
    }
}
