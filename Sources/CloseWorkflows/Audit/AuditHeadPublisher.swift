public import CloseSettings
public import CloseStore
import Foundation
import Governance
import OdooLedger

/// Publishes a checkpoint of the audit head as a note on the company's partner record in Odoo, where someone
/// holding only Closer's store cannot reach it. Once per checkpoint: Odoo is searched for the checkpoint's
/// marker first, so a rerun, or a retry after a crash between Odoo's answer and ours, never posts twice.
public struct AuditHeadPublisher: Sendable {
    public var store: AppDatabase
    public var actor: String
    let source: OdooLedgerSource
    let chatter: OdooChatter

    /// Fails before anything is sent in a mode that never writes (audit).
    public init(store: AppDatabase, settings: OdooSettings, actor: String) throws {
        try settings.mode.requireWrites(for: "Publishing the audit head to Odoo")
        self.store = store
        self.actor = actor
        source = OdooGateway.source(settings)
        chatter = OdooChatter(client: source.client)
    }

    public struct Publication: Sendable, Codable, Equatable {
        public var checkpoint: Int64
        public var seq: Int64
        public var partner: String
        public var messageID: Int
        /// False when Odoo already held the note (an earlier run, or a retry) and nothing was posted.
        public var posted: Bool
    }

    public func publish(_ checkpoint: AuditCheckpoint) async throws -> Publication {
        let companyID = try await source.resolvedCompanyID()
        guard let thread = try await chatter.companyThread(companyID: companyID) else {
            throw AuditPublishError(reason: "the company's partner record in Odoo has no chatter")
        }
        let partner = "res.partner \(thread.id)"
        let marker = AuditHeadNote.marker(for: checkpoint)
        let targets = [AuditTarget(model: "res.partner", id: String(thread.id)), AuditTarget(model: "closer.audit_checkpoint", id: String(checkpoint.number))]
        let payload: AuditPayload = ["checkpoint": String(checkpoint.number), "seq": String(checkpoint.seq), "head": checkpoint.headHash,
                                     "key_id": checkpoint.keyID, "company": String(companyID)]
        if let existing = try await chatter.message(containing: marker, on: thread) {
            // Odoo holds it already: an earlier run posted it, perhaps one whose answer was lost. The trail
            // records where it is, so the store says what Odoo holds whichever run put it there.
            var found = payload
            found["message_id"] = String(existing)
            found["already_in_odoo"] = "true"
            try store.recordAudit(NewAuditEvent(actor: actor, action: "audit.head.published", targets: targets, payload: found))
            return Publication(checkpoint: checkpoint.number, seq: checkpoint.seq, partner: partner, messageID: existing, posted: false)
        }
        try store.recordAudit(NewAuditEvent(actor: actor, action: "audit.head.publishing", targets: targets, payload: payload))
        do {
            let messageID = try await chatter.postNote(AuditHeadNote.body(for: checkpoint), on: thread)
            var published = payload
            published["message_id"] = String(messageID)
            try store.recordAudit(NewAuditEvent(actor: actor, action: "audit.head.published", targets: targets, payload: published))
            return Publication(checkpoint: checkpoint.number, seq: checkpoint.seq, partner: partner, messageID: messageID, posted: true)
        } catch {
            var failed = payload
            failed["error"] = String(describing: error)
            _ = try? store.recordAudit(NewAuditEvent(actor: actor, action: "audit.head.publish.failed", targets: targets, payload: failed, outcome: "failed"))
            throw error
        }
    }
}

public struct AuditPublishError: Error, CustomStringConvertible, Equatable {
    public var reason: String
    public var description: String { "The audit head cannot be published in Odoo: \(reason)." }
}
