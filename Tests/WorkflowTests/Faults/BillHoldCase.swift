import CloseStore
@testable import CloseWorkflows
import Ledger
import Payables
import Testing
import OdooRPC

/// `closer payables intake`: two bills keyed again with their references reformatted. Intended, per copy:
/// one note and one To-Do found by the duplicate's marker, and Odoo's payment block. The store's claim on
/// the block is recorded before Odoo is asked (so a lost answer never leaves a block Closer would not lift):
/// before recovery it may run ahead of Odoo; once settled, Odoo must hold every block the store claims.
struct BillHoldCase: WritePathCase {
    let pairs: [(original: Int, copy: Int)]

    init(bench: FaultBench) async throws {
        var pairs: [(original: Int, copy: Int)] = []
        for index in 1...2 { pairs.append(try await bench.odoo.vendorBillPair(cents: 12_345 * index)) }
        self.pairs = pairs
    }

    func run(_ bench: FaultBench) async throws {
        _ = try await BillIntakeService(store: bench.store, settings: bench.settings, rules: PayablesRules(), actor: "ann")
            .intake(billIDs: pairs.map(\.copy), asOf: bench.asOf)
    }

    func audit(_ bench: FaultBench, settled: Bool) async throws -> WriteAudit {
        var audit = WriteAudit(intended: pairs.count * 3)
        for pair in pairs {
            let marker = "[closer:payables.duplicate-bill|account.move#\(pair.original),account.move#\(pair.copy)]"
            let messages = try await bench.direct.search("mail.message", domain: [["body", "ilike", .string(marker)]])
            let activities = try await ChatterAudit.activities(marker, bench: bench)
            audit.expectOnce("the note \(marker)", count: messages.count, settled: settled)
            audit.expectOnce("the To-Do \(marker)", count: activities.count, settled: settled)
            let blocked = try await bench.direct.read("account.move", ids: [pair.copy], fields: ["payment_state"]).first?["payment_state"]?.stringValue == "blocked"
            audit.expectOnce("the payment block on bill \(pair.copy)", count: blocked ? 1 : 0, settled: settled)
            let review = try bench.store.billReview(sourceKey: bench.sourceKey, billID: pair.copy)
            if settled, review?.status != .blocked || review?.blockedInOdoo != blocked {
                audit.storeMismatches.append("bill \(pair.copy): the store says \(review?.status.rawValue ?? "nothing"), "
                                             + "claims Odoo's block \(review?.blockedInOdoo == true); Odoo \(blocked ? "blocks" : "does not block") it")
            }
            if let post = try bench.store.findingPost(sourceKey: bench.sourceKey, fingerprint: "payables.duplicate-bill|account.move#\(pair.original),account.move#\(pair.copy)",
                                                      model: "account.move", resID: pair.copy) {
                audit.expectStore("the note and To-Do \(marker)", storeSaysApplied: true, odooHolds: !messages.isEmpty && !activities.isEmpty, settled: settled)
                if post.messageID != messages.first { audit.storeMismatches.append("the store records message \(post.messageID) for \(marker); Odoo holds \(messages)") }
            } else {
                audit.expectStore("the note and To-Do \(marker)", storeSaysApplied: false, odooHolds: !messages.isEmpty && !activities.isEmpty, settled: settled)
            }
        }
        return audit
    }
}
