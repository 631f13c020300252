import CloseReports
import CloseStore
@testable import CloseWorkflows
import Ledger
import Testing

/// Every workflow that takes a period refuses one outside the pulled window, naming the window, and
/// records nothing: no run, no audit event.
@Suite struct UnpulledPeriodTests {
    static let asOf = LocalDate(iso: "2026-11-04")!

    @Test func everyPeriodTakingWorkflowRefusesAPeriodNeverPulled() async throws {
        let (store, key, _, _) = try await ClosedDemo.make(asOf: Self.asOf)
        let window = try #require(try store.pulledWindow(sourceKey: key))
        let never = try Period(parsing: "1900-01")
        let runs = try store.runs().count, events = try store.auditEvents().count
        let workflows: [(String, () async throws -> Void)] = [
            ("check", { _ = try CheckService(store: store, actor: "test").run(sourceKey: key, period: never, asOf: Self.asOf) }),
            ("flux", { _ = try FluxService(store: store).run(sourceKey: key, period: never) }),
            ("reconcile", { _ = try ReconcileService(store: store, actor: "test").propose(sourceKey: key, period: never) }),
            ("propose", { _ = try AdjustmentService(store: store, actor: "test").propose(sourceKey: key, period: never) }),
            ("checklist", { _ = try ChecklistService(store: store, actor: "test").board(sourceKey: key, period: never, asOf: Self.asOf) }),
            ("close --no-pull", { _ = try await CloseRunService(store: store, actor: "test").run(pullingFrom: nil, sourceKey: key, period: never, asOf: Self.asOf) }),
            ("package", { _ = try ClosePackageBuilder(store: store).build(sourceKey: key, period: never, asOf: Self.asOf) }),
            ("lock request", { _ = try PeriodLockService(store: store, actor: "test").request(sourceKey: key, period: never, asOf: Self.asOf) }),
        ]
        for (name, workflow) in workflows {
            do {
                try await workflow()
                Issue.record("\(name) ran on \(never), which was never pulled")
            } catch {
                let text = String(describing: error)
                #expect(text.contains("1900-01") && text.contains(window.description), "\(name): \(text)")
            }
        }
        #expect(try store.runs().count == runs, "a refused period records no run")
        #expect(try store.auditEvents().count == events, "a refused period records no audit event")
    }
}
