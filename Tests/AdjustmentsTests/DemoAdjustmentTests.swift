import Adjustments
import DemoCompany
import Testing
import Ledger

/// The bars of the adjusting-entries issue on the demo company: every planted missing recurring bill
/// accrued within 5 %, every planted prepaid bill released right, nothing for vendors whose bill is there.
@Suite struct DemoAdjustmentTests {
    /// Three companies of different sizes (the smallest has few bills per supplier: gaps by chance).
    static let seeds: [UInt64] = [42, 7, 2026]
    static let books = Dictionary(uniqueKeysWithValues: zip(seeds, [6_000, 2_000, nil]).map { seed, lines in
        (seed, DemoCompany.generate(DemoOptions(seed: seed, targetLines: lines)))
    })

    func proposals(_ book: DemoBook, _ proposer: some AdjustmentProposer) -> [AdjustmentProposal] {
        proposer.proposals(in: ProposalContext(snapshot: book.snapshot, period: book.groundTruth.period))
    }

    @Test(arguments: seeds) func everyMissingRecurringBillIsAccruedWithinFivePercent(seed: UInt64) throws {
        let book = try #require(Self.books[seed])
        let accruals = proposals(book, RecurringAccrualProposer())
        let planted = book.groundTruth.problems(of: "missing-recurring-bill")
        #expect(planted.count == 2)
        for problem in planted {
            let vendor = try #require(problem.records.first?.id)
            let accrual = try #require(accruals.first { $0.subject == "partner-\(vendor)" }, "no accrual for \(problem.detail)")
            let expected = try #require(problem.expectedAmount)
            let total = try #require(accrual.entry.total)
            #expect(abs(total.minorUnits - expected.minorUnits) * 20 <= expected.minorUnits, "\(total) vs \(expected)")
            #expect(accrual.entry.isBalanced)
            #expect(accrual.entry.reversalDate == book.groundTruth.period.next.start)
            #expect(accrual.entry.lines.allSatisfy { $0.partnerID == vendor })
        }
        // Nothing else: every other vendor's bill for the period is in the books.
        #expect(accruals.count == planted.count, "\(accruals.map(\.reason).joined(separator: "\n"))")
    }

    @Test(arguments: seeds) func everyPrepaidBillGetsItsMonthlyRelease(seed: UInt64) throws {
        let book = try #require(Self.books[seed])
        let releases = proposals(book, DeferralReleaseProposer())
        let planted = book.groundTruth.problems(of: "prepaid-bill")
        #expect(planted.count == 2)
        for problem in planted {
            let bill = try #require(problem.records.first?.id)
            let release = try #require(releases.first { $0.evidence.first?.id == bill }, "no release for \(problem.detail)")
            #expect(release.entry.total == problem.expectedAmount)
            #expect(release.entry.isBalanced)
            let expenseLine = try #require(release.entry.lines.first { !$0.amount.isNegative })
            #expect(expenseLine.analytic != nil, "releases to expense accounts carry the analytic of earlier releases")
            #expect(release.entry.reversalDate == nil)
        }
        #expect(releases.count == planted.count, "\(releases.map(\.reason))")
    }
}

/// The prepaid costs expensed at once that the demo plants: each found and deferred to the cent, no look-alike touched.
@Suite struct DemoPrepaidTests {
    @Test(arguments: DemoAdjustmentTests.seeds) func everyPlantedPrepaidCostIsDeferredAndNoLookAlikeIs(seed: UInt64) throws {
        let book = try #require(DemoAdjustmentTests.books[seed])
        let context = ProposalContext(snapshot: book.snapshot, period: book.groundTruth.period)
        let deferrals = PrepaidDeferralProposer().proposals(in: context)
        let planted = book.groundTruth.problems(of: "prepaid-expensed-at-once")
        #expect(planted.count == 5)
        for problem in planted {
            let bill = try #require(problem.records.first?.id)
            let deferral = try #require(deferrals.first { $0.evidence.contains { $0.model == "account.move" && $0.id == bill } }, "none for \(problem.detail)")
            #expect(deferral.entry.total == problem.expectedAmount, "\(problem.detail)")
            #expect(deferral.confidence >= 0.6)
        }
        #expect(deferrals.count == planted.count, "\(deferrals.map(\.reason).joined(separator: "\n"))")
        let lookAlikes = book.groundTruth.lookAlikes(of: GroundTruth.prepaidLookAlikeKinds)
        #expect(Set(lookAlikes.map(\.kind)) == Set(GroundTruth.prepaidLookAlikeKinds))
        let flagged = Set(PrepaidExpenseDetector().candidates(in: context).map(\.moveID))
        #expect(lookAlikes.allSatisfy { $0.records.allSatisfy { !flagged.contains($0.id) } })
    }
}
