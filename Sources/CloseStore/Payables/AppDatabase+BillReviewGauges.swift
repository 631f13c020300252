public import Foundation
import Payables

extension AppDatabase {
    /// The intake's figures for a monitoring scrape, read in one transaction: counts from the status index,
    /// and the verdicts of the open (blocked or warned) bills only, which the queue keeps few.
    public func billReviewGauges(asOf now: Date = Date()) throws -> BillReviewGauges {
        try writer.read { db in
            var byStatus = Dictionary(uniqueKeysWithValues: BillReview.Status.allCases.map { ($0.rawValue, 0) })
            for row in try StoreRow.fetchAll(db, sql: "SELECT status, COUNT(*) FROM bill_review GROUP BY status") {
                byStatus[row[0], default: 0] += row[1] as Int
            }
            var exceptions: [BillReviewGauges.Kind: Int] = [:]
            var ages: [Int] = []
            let open = try StoreRow.fetchAll(db, sql: "SELECT * FROM bill_review WHERE status IN ('blocked', 'warned')").map(Self.billReview)
            for review in open {
                for hit in review.verdict.duplicates {
                    exceptions[.init(family: "duplicate", kind: hit.signals.first?.rawValue ?? "unknown"), default: 0] += 1
                }
                for exception in review.verdict.exceptions {
                    exceptions[.init(family: "match", kind: exception.kind.rawValue), default: 0] += 1
                }
                if review.status == .blocked, let age = review.ageDays(asOf: now) { ages.append(age) }
            }
            return BillReviewGauges(byStatus: byStatus, exceptionsByKind: exceptions, blockedAgeDays: ages.sorted())
        }
    }
}
