public import CloseStore
public import Ledger
import Treasury

/// The vendors' bank accounts whose payments wait because of a change to where the money goes: not yet verified
/// with the vendor by someone other than whoever changed it, or still in the cool-off. Read from the store (what
/// `closer payments propose` recorded), so listing them needs no Odoo.
public struct HeldBankAccounts: Sendable {
    public var store: AppDatabase
    /// The rule set's cool-off; 0 lists only the accounts waiting for a second person's verification.
    public var coolOffDays: Int

    public init(store: AppDatabase, coolOffDays: Int) {
        self.store = store
        self.coolOffDays = coolOffDays
    }

    /// The held accounts of one company (every company when nil) on `asOf`, longest held first.
    public func list(sourceKey: SourceKey? = nil, asOf: LocalDate) throws -> [HeldBankAccount] {
        var held: [HeldBankAccount] = []
        for source in try sourceKey.map { [$0] } ?? store.bankDetailChangeSources() {
            let verifications = Dictionary(grouping: try store.bankVerifications(sourceKey: source), by: \.accountID)
            let accounts = try store.bankAccountWatch(sourceKey: source)?.accounts ?? [:]
            let vendors = try vendorNames(source)
            for (accountID, changes) in Dictionary(grouping: try store.bankDetailChanges(sourceKey: source), by: \.accountID) {
                guard var account = hold(changes, verifications: verifications[accountID] ?? [], sourceKey: source, asOf: asOf) else { continue }
                account.vendor = vendors[account.partnerID]
                account.number = accounts[accountID]?.number
                account.holder = accounts[accountID]?.holderName
                held.append(account)
            }
        }
        return held.sorted { ($0.changedAt, $0.sourceKey.text, $0.accountID) < ($1.changedAt, $1.sourceKey.text, $1.accountID) }
    }

    /// One account, if held, without the vendor's name and the number (what the webhook feed asks once per change found).
    public func account(_ accountID: Int, sourceKey: SourceKey, asOf: LocalDate) throws -> HeldBankAccount? {
        let changes = try store.bankDetailChanges(sourceKey: sourceKey).filter { $0.accountID == accountID }
        return hold(changes, verifications: try store.bankVerifications(sourceKey: sourceKey).filter { $0.accountID == accountID }, sourceKey: sourceKey,
                    asOf: asOf)
    }

    /// The account the changes are about, when they hold it: a change to where money goes not verified by a second person, or in the cool-off.
    func hold(_ changes: [BankDetailChange], verifications: [BankVerification], sourceKey: SourceKey, asOf: LocalDate) -> HeldBankAccount? {
        guard let (latest, changers) = changes.latestDestinationChange else { return nil }
        let unverified = changes.unverifiedChange(verifications) != nil
        let coolOffUntil = latest.at.date.adding(days: coolOffDays)
        guard unverified || asOf < coolOffUntil else { return nil }
        return HeldBankAccount(
            sourceKey: sourceKey, accountID: latest.accountID, partnerID: latest.partnerID, change: latest.kind.rawValue, changeWords: latest.kind.words,
            detail: latest.detail, changedAt: latest.at.description, changedBy: changers.sorted(), coolOffUntil: coolOffUntil,
            verifications: verifications.filter { $0.at >= latest.at }.map { .init(by: $0.by, channel: $0.channel, at: $0.at.description) },
            unverified: unverified, releasedBy: Self.release(unverified: unverified, changers: changers.sorted(), coolOffUntil: coolOffUntil, asOf: asOf))
    }

    /// Vendors' names as the company's payment runs saw them: the bank-detail records keep only the partner's id.
    func vendorNames(_ source: SourceKey) throws -> [Int: String] {
        var names: [Int: String] = [:]
        for run in try store.paymentRuns(sourceKey: source) {
            let candidates = run.proposal.groups.flatMap(\.payments).map(\.candidate) + run.proposal.leftOut.map(\.candidate)
            for candidate in candidates where names[candidate.vendorID] == nil { names[candidate.vendorID] = candidate.vendorName }
        }
        return names
    }

    static func release(unverified: Bool, changers: [String], coolOffUntil: LocalDate, asOf: LocalDate) -> String {
        var steps: [String] = []
        if unverified {
            steps.append("someone other than \(changers.joined(separator: " or ")) confirms the account with the vendor by a channel not taken from "
                         + "the change request and records it (`closer payments verify`, or verify on the dashboard's Bank changes page)")
        }
        if asOf < coolOffUntil { steps.append("the cool-off ends on \(coolOffUntil)") }
        return steps.joined(separator: ", and ")
    }
}

/// One held account: whose it is, the change that holds it, who made it and when, and what releases it.
public struct HeldBankAccount: Sendable, Codable, Equatable {
    public struct Verification: Sendable, Codable, Equatable {
        public var by: String
        public var channel: String
        public var at: String
    }

    public var sourceKey: SourceKey
    /// The bank account's id in Odoo (res.partner.bank).
    public var accountID: Int
    public var partnerID: Int
    /// The vendor's name when a payment run saw it.
    public var vendor: String? = nil
    /// The number as the last pull saw it.
    public var number: String? = nil
    public var holder: String? = nil
    /// The latest change that may alter where money goes: created, number-changed, holder-changed or details-changed.
    public var change: String
    public var changeWords: String
    public var detail: String?
    /// When the change was made in Odoo, UTC.
    public var changedAt: String
    /// Everyone who made such a change since: none of them may verify it or approve paying it.
    public var changedBy: [String]
    public var coolOffUntil: LocalDate
    /// The verifications recorded since the change (by a changer, they do not count).
    public var verifications: [Verification]
    /// No one but the changers verified it yet.
    public var unverified: Bool
    /// What lets its payments go, in words.
    public var releasedBy: String
}
