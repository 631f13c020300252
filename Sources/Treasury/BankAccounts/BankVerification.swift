public import Ledger

/// A person's word, recorded in Closer, that a bank account's details were confirmed with the vendor — how,
/// and when. A call to a number taken from an earlier record, not from the change request, is what counts.
public struct BankVerification: Sendable, Hashable, Codable {
    public var accountID: Int
    public var by: String
    public var channel: String
    public var at: Timestamp

    public init(accountID: Int, by: String, channel: String, at: Timestamp) {
        self.accountID = accountID
        self.by = by
        self.channel = channel
        self.at = at
    }
}
