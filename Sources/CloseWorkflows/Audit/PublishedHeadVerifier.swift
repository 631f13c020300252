public import CloseSettings
public import CloseStore
public import Governance
import Foundation
import OdooLedger

/// `closer audit verify --odoo`: reads the heads published on the company's chatter in Odoo and holds the
/// chain against them. Reads only, so it works in audit mode. Catches what the store alone cannot: a chain
/// rebuilt and its checkpoints deleted or re-signed, while Odoo still holds the heads signed before.
public struct PublishedHeadVerifier: Sendable {
    public var store: AppDatabase
    let source: OdooLedgerSource
    let chatter: OdooChatter

    public init(store: AppDatabase, settings: OdooSettings) {
        self.store = store
        source = OdooGateway.source(settings)
        chatter = OdooChatter(client: source.client)
    }

    /// How many published heads of this chain were compared, and every problem found.
    public func verify(trusting keys: AuditTrustedKeys) async throws -> (checked: Int, problems: [AuditProblem]) {
        let companyID = try await source.resolvedCompanyID()
        guard let thread = try await chatter.companyThread(companyID: companyID) else {
            return (0, [AuditProblem(kind: .publishedHead, detail: "the company's partner record in Odoo has no chatter, so no head can be published there")])
        }
        let heads = try await chatter.messages(containing: AuditHeadNote.markerPrefix, on: thread).compactMap {
            AuditHeadNote.signedHead(in: $0.body, messageID: $0.id, date: $0.date)
        }
        let chainID = try store.auditEventHash(seq: 1)
        let ours = heads.filter { $0.statement.chainID == chainID }
        var problems = try store.verifyPublishedHeads(ours, trusting: keys)
        let others = heads.count - ours.count
        if ours.isEmpty && others > 0 {
            problems.append(AuditProblem(kind: .rewritten, seq: 1, detail: "res.partner \(thread.id) in Odoo holds \(others) published head(s) of another "
                + "audit chain and none of this one: this store's chain was replaced from its start, or the heads are another store's"))
        }
        let stored = try store.latestAuditCheckpoint()
        if let newest = ours.map(\.statement.seq).max(), newest > stored?.seq ?? 0 {
            problems.append(AuditProblem(kind: .checkpointMissing, detail: "Odoo holds a head signed at event #\(newest), later than the store's "
                + (stored.map { "latest checkpoint (\($0.label), event #\($0.seq))" } ?? "checkpoints (it holds none)")
                + ": checkpoints were removed from the store"))
        }
        return (ours.count, problems)
    }
}
