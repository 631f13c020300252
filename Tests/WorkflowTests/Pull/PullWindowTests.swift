import CloseStore
@testable import CloseWorkflows
import DemoCompany
import Ledger
import Testing
import CloseChecks

@Suite struct PullWindowTests {
    @Test func thePullReachesPastThePeriodSoFutureDatedEntriesAreFound() async throws {
        let book = DemoCompany.generate(DemoOptions(targetLines: 3_000))
        let truth = book.groundTruth
        let window = PullService.window(for: truth.period, historyMonths: 12)
        #expect(window.first == truth.period.advanced(by: -12).start && window.contains(LocalDate(iso: "2062-10-15")!))
        #expect(window.description == "\(window.first) onward")

        let store = try AppDatabase.inMemory()
        _ = try await PullService(store: store, actor: "test").pull(
            from: DemoLedgerSource(book: book), sourceKey: "demo:window", period: truth.period, historyMonths: 12, progress: { _, _ in })
        let planted = truth.problems(of: "future-dated-entry").flatMap(\.records).map(\.id)
        #expect(planted.count == 2)
        let stored = Set(try store.loadSnapshot(sourceKey: "demo:window").moves.map(\.id))
        #expect(planted.allSatisfy(stored.contains), "entries dated after the period are pulled")

        let report = try CheckService(store: store, actor: "test").run(sourceKey: "demo:window", period: truth.period, asOf: truth.asOf)
        let found = report.findings.filter { $0.checkID == "future-dated-entry" }
        #expect(Set(found.flatMap(\.records).map(\.id)) == Set(planted))
        #expect(found.allSatisfy { $0.company.model == "res.company" && $0.company.name == book.snapshot.company.name })
    }
}
