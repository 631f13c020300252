public import CloseSettings
public import CloseStore
public import Foundation
public import Ledger
import OdooLedger
import OdooRPC
public import Treasury

/// The vendors' bank-detail changes Closer found and the verifications people recorded: lists them, and records
/// that a person confirmed an account with the vendor by a channel that does not come from the change request —
/// refused to whoever made a change since: a second person verifies.
public struct BankDetailsService: Sendable {
    public var store: AppDatabase
    public var settings: OdooSettings

    public init(store: AppDatabase, settings: OdooSettings) {
        self.store = store
        self.settings = settings
    }

    /// The company's changes found so far and the verifications recorded, oldest first.
    public func changes() async throws -> BankChangesReport {
        let source = OdooGateway.source(settings)
        let sourceKey = source.sourceKey(companyID: try await source.resolvedCompanyID())
        return BankChangesReport(sourceKey: sourceKey, changes: try store.bankDetailChanges(sourceKey: sourceKey),
                                 verifications: try store.bankVerifications(sourceKey: sourceKey))
    }

    public func verify(accountID: Int, channel: String, actor: String, at now: Date = Date()) async throws -> BankVerification {
        let source = OdooGateway.source(settings)
        let sourceKey = source.sourceKey(companyID: try await source.resolvedCompanyID())
        guard let account = try await source.bankAccount(id: accountID) else { throw BankVerificationError.unknownAccount(accountID) }
        let identities = try await PaymentIdentities(store: store, client: source.client).of(actor)
        let changes = try store.bankDetailChanges(sourceKey: sourceKey, partnerIDs: [account.partnerID]).filter { $0.accountID == accountID }
        let changers = Set((changes.latestDestinationChange?.changedBy ?? []).map { $0.lowercased() })
        if let own = identities.first(where: { changers.contains($0.lowercased()) }) {
            throw BankVerificationError.ownChange(number: account.number, login: own)
        }
        return try store.recordBankVerification(account, sourceKey: sourceKey, by: actor, channel: channel, at: now)
    }
}

public struct BankChangesReport: Sendable, Encodable {
    public var sourceKey: SourceKey
    public var changes: [BankDetailChange]
    public var verifications: [BankVerification]
}

/// Why a verification was not recorded, in words that say what to do.
public enum BankVerificationError: Error, Equatable, CustomStringConvertible {
    case unknownAccount(Int)
    case ownChange(number: String, login: String)

    public var description: String {
        switch self {
        case .unknownAccount(let id):
            "There is no bank account \(id) in Odoo (res.partner.bank): `closer payments bank-changes` lists the accounts changed and their ids."
        case .ownChange(let number, let login):
            "\(login) changed bank account \(number) and cannot verify it too: a second person confirms it with the vendor."
        }
    }
}
