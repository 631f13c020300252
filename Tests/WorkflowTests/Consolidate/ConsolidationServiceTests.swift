import Adjustments
import CloseStore
@testable import CloseWorkflows
import DemoCompany
import Ledger
import Testing

@Suite struct ConsolidationServiceTests {
    let period = DemoOptions().closePeriod

    func pulledGroup(subsidiaryClosed: Bool = true) async throws -> (AppDatabase, DemoGroupBooks) {
        let books = DemoGroup.generate(DemoOptions(targetLines: 3_000), subsidiaryClosed: subsidiaryClosed)
        let store = try AppDatabase.inMemory()
        for (book, key) in [(books.parent, books.parentSourceKey), (books.subsidiary, books.subsidiarySourceKey)] {
            _ = try await PullService(store: store, actor: "test").pull(from: DemoLedgerSource(book: book), sourceKey: key, period: period,
                                                                        historyMonths: 12, progress: { _, _ in })
        }
        return (store, books)
    }

    func request(_ books: DemoGroupBooks, into: Bool = true, rules: IntercompanyRules = IntercompanyRules()) -> ConsolidationRequest {
        ConsolidationRequest(period: period, memberKeys: [books.parentSourceKey, books.subsidiarySourceKey], parentKey: books.parentSourceKey,
                             consolidation: into ? ConsolidationSettings(sourceKey: books.parentSourceKey, journalCode: "MISC") : nil, rules: rules)
    }

    @Test func thePlantedMismatchesAreReportedWithTheirDocumentsAndTheAgreeingTradeIsEliminated() async throws {
        let (store, books) = try await pulledGroup()
        let report = try ConsolidationService(store: store).run(request(books))
        #expect(report.waiting.isEmpty && report.notes.isEmpty)

        // Scored against the ground truth: each planted difference explained by its kind, document and amount, nothing else.
        for (scope, amount) in [(IntercompanyScope.balance, \PlantedIntercompanyDifference.balanceDifference),
                                (.period, \.revenueDifference), (.yearToDate, \.revenueDifference)] {
            let comparison = try #require(report.comparisons.first { $0.sellerKey == books.subsidiarySourceKey && $0.scope == scope })
            #expect(comparison.status == .mismatched)
            let found = comparison.explanations.map { "\($0.kind.rawValue) \($0.sellerDocument?.move.name ?? "-") \($0.amount)" }.sorted()
            let planted = books.planted.map { "\($0.kind) \($0.sellerDocument?.name ?? "-") \($0[keyPath: amount])" }.sorted()
            #expect(found == planted, "\(scope)")
            #expect(comparison.difference == books.planted.map { $0[keyPath: amount] }.reduce(Money.zero(.usd), +))
        }
        let keyed = try #require(report.comparisons.first { $0.sellerKey == books.subsidiarySourceKey && $0.scope == .balance }?.explanations.first { $0.kind == .amountsDiffer })
        #expect(keyed.buyerDocument?.move.name == books.planted.first { $0.kind == "amounts-differ" }?.buyerDocument?.name)

        // The parent's management fee agrees on both sides: October's fee is eliminated in the parent's MISC journal.
        let fee = Money(minorUnits: DemoGroup.managementFee, currency: .usd)
        #expect(report.comparisons.filter { $0.sellerKey == books.parentSourceKey }.allSatisfy { $0.status == .matched })
        #expect(report.proposals.count == 2 && report.proposals.allSatisfy { $0.entry.total == fee && $0.entry.isBalanced })
        #expect(Set(report.proposals.map(\.company.name)) == [books.parent.snapshot.company.name])
        #expect(report.proposals.allSatisfy { $0.entry.journalID == miscJournal(books) })
        // Stored for review in the consolidation company, with the proposal store's idempotency: proposing again adds nothing.
        let (_, stored) = try ConsolidationService(store: store).propose(request(books), actor: "preparer")
        #expect(stored.map(\.proposal.idempotencyKey).sorted() == report.proposals.map(\.idempotencyKey).sorted())
        #expect(stored.allSatisfy { $0.status == .proposed })
        _ = try ConsolidationService(store: store).propose(request(books), actor: "preparer")
        #expect(try store.adjustments(sourceKey: books.parentSourceKey).count == 2)

        // With the lower eliminated, the subsidiary's trade is eliminated too, leaving the planted differences.
        let lower = try ConsolidationService(store: store).run(request(books, rules: IntercompanyRules(mismatch: .eliminateLower)))
        #expect(lower.proposals.count == 4)
    }

    @Test func theParentWaitsWhileTheSubsidiaryHasNotLockedThePeriod() async throws {
        let (store, books) = try await pulledGroup(subsidiaryClosed: false)
        let report = try ConsolidationService(store: store).run(request(books))
        #expect(report.proposals.isEmpty && report.eliminations.allSatisfy { $0.outcome == .waiting })
        #expect(report.waiting.map(\.key) == [books.parentSourceKey])
        #expect(report.waiting.first?.openChildren.map(\.name) == [DemoGroup.subsidiaryName])
        #expect(report.members.map(\.closed) == [false, false])
        #expect(!report.mismatches.isEmpty, "mismatches are still reported while waiting")
    }

    @Test func withoutAConsolidationCompanyTheReportCarriesTheWorksheet() async throws {
        let (store, books) = try await pulledGroup()
        let report = try ConsolidationService(store: store).run(request(books, into: false))
        #expect(report.proposals.isEmpty && report.consolidationCompany == nil)
        let rows = try #require(report.worksheet).split(separator: "\n")
        #expect(rows.count == 5 && rows[0].hasPrefix("pair,account,"))
        #expect(rows.filter { $0.hasSuffix(",eliminated") }.count == 2 && rows.filter { $0.hasSuffix(",mismatch-reported") }.count == 2)
    }

    @Test func unknownSourceKeysAreAllNamed() async throws {
        let (store, books) = try await pulledGroup()
        var wrong = request(books)
        wrong.memberKeys = [books.parentSourceKey, "demo:nowhere/1", "demo:nowhere/2"]
        wrong.parentKey = nil
        #expect(throws: ConsolidationRequestError.notPulled(["demo:nowhere/1", "demo:nowhere/2"],
                                                            known: [books.parentSourceKey, books.subsidiarySourceKey])) {
            try ConsolidationService(store: store).run(wrong)
        }
    }

    func miscJournal(_ books: DemoGroupBooks) -> Int { books.parent.snapshot.journals.first { $0.code == "MISC" }!.id }
}
