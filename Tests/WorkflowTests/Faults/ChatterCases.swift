import CloseChecks
import CloseStore
@testable import CloseWorkflows
import Ledger
import Testing
import OdooRPC

/// `closer check --post-findings`: three warnings on three invoices. Intended, per finding: one note on
/// the invoice's chatter and one To-Do, each found by the finding's marker, and the store's record of both.
struct FindingNoteCase: WritePathCase {
    let findings: [Finding]

    init(bench: FaultBench) async throws {
        let company = bench.odoo.company
        var findings: [Finding] = []
        for index in 1...3 {
            let invoice = try await bench.odoo.invoice(cents: 1_000 * index)
            findings.append(Finding(checkID: "fault-matrix", severity: .warning, period: bench.period,
                                    company: RecordRef(model: "res.company", id: company.id, name: company.name),
                                    records: [RecordRef(model: "account.move", id: invoice.move, name: "invoice \(invoice.move)")],
                                    message: "Invoice \(invoice.move) is the fault matrix's finding \(index)."))
        }
        self.findings = findings
    }

    func run(_ bench: FaultBench) async throws {
        _ = try await FindingPostService(store: bench.store, settings: bench.settings, sourceKey: bench.sourceKey, actor: "ann")
            .post(findings, atLeast: .warning, asOf: bench.asOf)
    }

    func audit(_ bench: FaultBench, settled: Bool) async throws -> WriteAudit {
        var audit = WriteAudit(intended: findings.count * 2)
        for finding in findings {
            let marker = FindingPostService.marker(for: finding)
            let record = try #require(finding.records.first)
            let messages = try await bench.direct.search("mail.message", domain: [["body", "ilike", .string(marker)]])
            let activities = try await ChatterAudit.activities(marker, bench: bench)
            audit.expectOnce("the note \(marker)", count: messages.count, settled: settled)
            audit.expectOnce("the To-Do \(marker)", count: activities.count, settled: settled)
            let post = try bench.store.findingPost(sourceKey: bench.sourceKey, fingerprint: finding.fingerprint, model: record.model, resID: record.id)
            audit.expectStore("the note and To-Do \(marker)", storeSaysApplied: post != nil, odooHolds: !messages.isEmpty && !activities.isEmpty,
                              settled: settled)
            if let post, post.messageID != messages.first || post.activityID != activities.first {
                audit.storeMismatches.append("the store records message \(post.messageID) and activity \(post.activityID.map(String.init) ?? "none") "
                                             + "for \(marker); Odoo holds \(messages) and \(activities)")
            }
        }
        return audit
    }
}

/// `closer checklist --assign`: the period's open tasks owned by the controller, whose Closer user maps to
/// an Odoo user. Intended, per task: one To-Do on the company's partner, and the store's record of it.
struct ChecklistToDoCase: WritePathCase {
    let tasks: [String]

    init(bench: FaultBench) async throws {
        let board = try ChecklistService(store: bench.store, actor: "carol").board(sourceKey: bench.sourceKey, period: bench.period, asOf: bench.asOf)
        tasks = board.rows.filter { [.open, .overdue].contains($0.status) && ["controller", "carol"].contains($0.task.owner) }.map(\.task.key)
        guard !tasks.isEmpty else { throw FaultMatrixError.seeding("no open task for the controller: \(board.rows.map { "\($0.task.key) \($0.status)" })") }
    }

    func run(_ bench: FaultBench) async throws {
        let board = try ChecklistService(store: bench.store, actor: "carol").board(sourceKey: bench.sourceKey, period: bench.period, asOf: bench.asOf)
        _ = try await ChecklistAssignService(store: bench.store, settings: bench.settings, sourceKey: bench.sourceKey, actor: "carol").assign(board)
    }

    func audit(_ bench: FaultBench, settled: Bool) async throws -> WriteAudit {
        var audit = WriteAudit(intended: tasks.count)
        let run = try #require(try bench.store.checklistRun(sourceKey: bench.sourceKey, period: bench.period))
        for key in tasks {
            let marker = ChecklistAssignService.marker(period: bench.period, key: key)
            let activities = try await ChatterAudit.activities(marker, bench: bench)
            audit.expectOnce("the To-Do \(marker)", count: activities.count, settled: settled)
            let stored = run.task(key)?.activityID
            audit.expectStore("the To-Do \(marker)", storeSaysApplied: stored != nil, odooHolds: !activities.isEmpty, settled: settled)
            if let stored, stored != activities.first {
                audit.storeMismatches.append("the store records activity \(stored) for \(marker); Odoo holds \(activities)")
            }
        }
        return audit
    }
}

enum ChatterAudit {
    /// The activities whose note carries the marker, done (archived) ones included.
    static func activities(_ marker: String, bench: FaultBench) async throws -> [Int] {
        try await bench.direct.search("mail.activity", domain: [["note", "ilike", .string(marker)], ["active", "in", [true, false]]], order: "id")
    }
}
