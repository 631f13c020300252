@testable import CloseChecks
import DemoCompany
import Ledger
import Testing

@Suite struct PostedChangeTests {
    @Test func changedPostedEntriesInThePeriodAreReportedOnce() throws {
        let book = DemoCompany.generate()
        let truth = book.groundTruth
        let inPeriod = try #require(book.snapshot.moves.first { $0.state == .posted && truth.period.contains($0.date) })
        let before = try #require(book.snapshot.moves.first { $0.state == .posted && $0.date < truth.period.start })
        let changes = [
            PostedChange(moveID: inPeriod.id, moveName: inPeriod.name, deleted: false, writtenBy: "Mitchell Admin",
                         writtenAt: Timestamp(odoo: "2026-11-03 10:00:00")),
            PostedChange(moveID: inPeriod.id, moveName: inPeriod.name, deleted: false, writtenBy: "Older", writtenAt: nil),
            PostedChange(moveID: before.id, moveName: before.name, deleted: false, writtenBy: nil, writtenAt: nil),
            PostedChange(moveID: 9_999_999, moveName: "BILL/2026/10/9999", deleted: true, writtenBy: nil, writtenAt: nil),
        ]
        let context = CheckContext(snapshot: book.snapshot, period: truth.period, asOf: truth.asOf, postedChanges: changes)
        let findings = try #require(CheckRegistry.check(id: "posted-entry-changed")).run(context)
        #expect(findings.map(\.records[0].id) == [inPeriod.id, 9_999_999])
        #expect(findings[0].message.contains("Mitchell Admin") && findings[0].message.contains(inPeriod.name))
        #expect(findings[1].message.contains("deleted"))
        let quiet = CheckContext(snapshot: book.snapshot, period: truth.period, asOf: truth.asOf)
        #expect(try #require(CheckRegistry.check(id: "posted-entry-changed")).run(quiet).isEmpty)
    }
}
