import CloseStore
@testable import CloseWorkflows
import Governance
import OdooRPC
import Testing

/// `closer audit checkpoint --publish` (and the end of a pull or close): the signed head of the audit trail
/// posted on the company's partner in Odoo. Intended: one note carrying the checkpoint's marker, and the
/// trail's record of where it is.
struct AuditHeadCase: WritePathCase {
    let checkpoint: AuditCheckpoint

    init(bench: FaultBench) async throws {
        checkpoint = try #require(try bench.store.recordAuditCheckpoint(signingWith: AuditSigningKey.generate(), actor: "admin"))
    }

    func run(_ bench: FaultBench) async throws {
        _ = try await AuditHeadPublisher(store: bench.store, settings: bench.settings, actor: "admin").publish(checkpoint)
    }

    func audit(_ bench: FaultBench, settled: Bool) async throws -> WriteAudit {
        var audit = WriteAudit(intended: 1)
        let marker = AuditHeadNote.marker(for: checkpoint)
        let messages = try await bench.direct.search("mail.message", domain: [["body", "ilike", .string(marker)]])
        audit.expectOnce("the head note \(marker)", count: messages.count, settled: settled)
        let recorded = try bench.store.auditEvents().filter {
            $0.action == "audit.head.published" && $0.payload.contains(#""checkpoint":"\#(checkpoint.number)""#)
        }
        audit.expectStore("the head note \(marker)", storeSaysApplied: !recorded.isEmpty, odooHolds: !messages.isEmpty, settled: settled)
        if let message = messages.first, !recorded.isEmpty, !recorded.contains(where: { $0.payload.contains(#""message_id":"\#(message)""#) }) {
            audit.storeMismatches.append("the trail records another message than Odoo's \(message) for \(marker)")
        }
        return audit
    }
}
