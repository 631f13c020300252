import CloseStore
import Foundation
import Governance
import Ledger
import Testing

/// The exceptions live reviews find, kept between reviews: found again is not new, no longer found is resolved —
/// within what the review looked at — and back after resolution opens anew; each opening and resolution is audited.
@Suite struct ExceptionSightingStorageTests {
    static let source: SourceKey = "odoo:acme"

    static func sighting(_ fingerprint: String, report: Int, owner: String? = nil) -> ExceptionSighting {
        ExceptionSighting(sourceKey: source, family: .expenses, fingerprint: fingerprint, kind: "category-limit", subject: "report \(report)",
                          reason: "over the limit", record: RecordRef(model: "hr.expense.sheet", id: report, name: "R\(report)"), owner: owner)
    }

    func actions(_ store: AppDatabase) throws -> [String] {
        try store.auditEvents(from: 1).map(\.action).filter { $0.hasPrefix("operations.") }
    }

    @Test func aReviewOpensWhatIsNewAndResolvesWhatItLookedAtAndNoLongerFound() throws {
        let store = try AppDatabase.inMemory()
        let start = Date(timeIntervalSince1970: 1_796_000_000)
        let first = try store.recordExceptionSweep([Self.sighting("a", report: 1, owner: "erin"), Self.sighting("b", report: 2)], family: .expenses,
                                                   sourceKey: Self.source, covering: nil, actor: "closer", at: start)
        #expect(first.opened.map(\.fingerprint) == ["a", "b"] && first.resolved.isEmpty)

        // A day later a review of report 2 alone: "a" is outside it and stays open; "b" is gone and is resolved.
        let later = start.addingTimeInterval(86_400)
        let partial = try store.recordExceptionSweep([], family: .expenses, sourceKey: Self.source, covering: ["hr.expense.sheet#2"], actor: "closer", at: later)
        #expect(partial.opened.isEmpty && partial.resolved.map(\.fingerprint) == ["b"])
        let open = try store.openExceptionSightings()
        #expect(open.map(\.fingerprint) == ["a"] && open.first?.owner == "erin")

        // Found again: not new, first seen stays; "b" back after resolution opens anew, first seen now.
        let again = try store.recordExceptionSweep([Self.sighting("a", report: 1, owner: "erin"), Self.sighting("b", report: 2)], family: .expenses,
                                                   sourceKey: Self.source, covering: nil, actor: "closer", at: later.addingTimeInterval(60))
        #expect(again.opened.map(\.fingerprint) == ["b"])
        let stored = try #require(try store.exceptionSighting(sourceKey: Self.source, family: .expenses, fingerprint: "a"))
        #expect(stored.firstSeenAt.hasPrefix("2026-11-30") && stored.lastSeenAt.hasPrefix("2026-12-01"))
        #expect(try store.exceptionSighting(sourceKey: Self.source, family: .expenses, fingerprint: "b")?.firstSeenAt.hasPrefix("2026-12-01") == true)
        #expect(try actions(store) == ["operations.exception.opened", "operations.exception.opened", "operations.exception.resolved",
                                       "operations.exception.opened"])

        // A complete review that finds nothing resolves everything of its family, and nothing of another.
        try store.recordExceptionSweep([ExceptionSighting(sourceKey: Self.source, family: .duties, fingerprint: "d", kind: "sod-did", subject: "x",
                                                          reason: "y", record: nil, owner: nil)],
                                       family: .duties, sourceKey: Self.source, covering: nil, actor: "closer")
        let all = try store.recordExceptionSweep([], family: .expenses, sourceKey: Self.source, covering: nil, actor: "closer")
        #expect(Set(all.resolved.map(\.fingerprint)) == ["a", "b"])
        #expect(try store.openExceptionSightings().map(\.fingerprint) == ["d"])
        #expect(try store.verifyAuditTrail().isIntact)
    }
}
