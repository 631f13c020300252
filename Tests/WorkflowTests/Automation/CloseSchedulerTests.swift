@testable import Automation
import CloseStore
import DemoCompany
import Foundation
import Ledger
import Testing

/// When scheduled runs are due, and that a company never has two runs at once.
@Suite struct CloseSchedulerTests {
    /// 2026-10-31 is a Saturday: working day 1 after it is Monday 2 November, day 3 is Wednesday 4 November.
    static func utc(_ day: String, _ hour: Int, _ minute: Int) -> Date {
        Date(timeIntervalSince1970: TimeInterval(Timestamp(date: LocalDate(iso: day)!, hour: hour, minute: minute).secondsSinceEpoch))
    }

    static let nightly = CloseSchedule(name: "nightly-close", sourceKey: "demo", hour: 2, minute: 30, closeWindowWorkingDays: 3)

    @Test func aSlotIsDueFromItsTimeOnTheWorkingDaysOfTheCloseWindow() throws {
        let schedule = Self.nightly
        #expect(schedule.slot(at: Self.utc("2026-11-02", 2, 29)) == nil)
        let slot = try #require(schedule.slot(at: Self.utc("2026-11-02", 2, 30)))
        #expect(slot.time == Self.utc("2026-11-02", 2, 30) && slot.period.description == "2026-10" && slot.day.description == "2026-11-02")
        #expect(schedule.slot(at: Self.utc("2026-11-04", 23, 59))?.time == Self.utc("2026-11-04", 2, 30))
        #expect(schedule.slot(at: Self.utc("2026-11-05", 3, 0)) == nil)
        #expect(schedule.slot(at: Self.utc("2026-11-01", 3, 0)) == nil)
        #expect(schedule.slot(at: Self.utc("2026-11-07", 3, 0)) == nil)
        let everyDay = CloseSchedule(name: "daily", hour: 0, minute: 0)
        #expect(everyDay.slot(at: Self.utc("2026-11-07", 0, 0))?.period.description == "2026-10")
    }

    @Test func aSlotComingWhileTheCompanysRunIsStillGoingIsSkippedNotRunAlongside() async throws {
        let store = try AppDatabase.inMemory()
        let gate = Gate()
        let locks = CompanyRunLock()
        let scheduler = CloseScheduler(store: store, schedules: [Self.nightly], locks: locks, work: { _, period, _ in
            await gate.wait()
            return "closed \(period)"
        })
        let first = await scheduler.tick(now: Self.utc("2026-11-02", 2, 30))
        #expect(first.map(\.status) == [.running])
        #expect(await scheduler.tick(now: Self.utc("2026-11-02", 2, 45)).isEmpty)
        // The next night's slot comes while the first run is still blocked.
        let second = await scheduler.tick(now: Self.utc("2026-11-03", 2, 30))
        #expect(second.map(\.status) == [.skippedOverlap] && second.first?.summary == "a run of demo was still going")
        #expect(await scheduler.tick(now: Self.utc("2026-11-03", 2, 31)).isEmpty)
        await gate.release()
        await scheduler.waitForRuns()
        #expect(await !locks.isHeld("demo"))
        let third = await scheduler.tick(now: Self.utc("2026-11-04", 2, 30))
        #expect(third.map(\.status) == [.running])
        await scheduler.waitForRuns()
        let history = try store.scheduledRuns(schedule: "nightly-close")
        #expect(history.map(\.status) == [.succeeded, .skippedOverlap, .succeeded])
        #expect(history.map(\.slot) == ["2026-11-04T02:30:00.000Z", "2026-11-03T02:30:00.000Z", "2026-11-02T02:30:00.000Z"])
        #expect(history.last?.summary == "closed 2026-10" && history.allSatisfy { $0.period == "2026-10" && $0.sourceKey == "demo" })
    }

    @Test func aWebhookRefreshHoldingTheCompanyMakesTheSlotSkipAndAFailedRunSaysWhy() async throws {
        let store = try AppDatabase.inMemory()
        let locks = CompanyRunLock()
        struct Unreachable: Error, CustomStringConvertible { var description: String { "Odoo did not answer" } }
        let scheduler = CloseScheduler(store: store, schedules: [Self.nightly], locks: locks, work: { _, _, _ in throw Unreachable() })
        await locks.acquire("demo")
        #expect(await scheduler.tick(now: Self.utc("2026-11-02", 3, 0)).map(\.status) == [.skippedOverlap])
        await locks.release("demo")
        _ = await scheduler.tick(now: Self.utc("2026-11-03", 3, 0))
        await scheduler.waitForRuns()
        let latest = try #require(store.scheduledRuns().first)
        #expect(latest.status == .failed && latest.summary == "Odoo did not answer")
        #expect(await !locks.isHeld("demo"))
    }

    @Test func withoutASourceKeyTheOnlyLedgerIsClosedAndAnEmptyStoreIsAFailureThatSaysWhy() async throws {
        let store = try AppDatabase.inMemory()
        let anyLedger = CloseSchedule(name: "nightly", hour: 2, minute: 30, closeWindowWorkingDays: 3)
        let scheduler = CloseScheduler(store: store, schedules: [anyLedger], locks: CompanyRunLock(), work: { key, _, _ in key.text })
        let recorded = await scheduler.tick(now: Self.utc("2026-11-02", 2, 30))
        #expect(recorded.map(\.status) == [.failed])
        #expect(recorded.first?.summary.contains("closer pull") == true)
    }

    @Test func theCloseSequenceRunsOnTheDemoCompanyAndRecordsItsStanding() async throws {
        let asOf = LocalDate(iso: "2026-11-04")!
        let (store, key, _, _) = try await ClosedDemo.make(asOf: asOf)
        let book = DemoCompany.generate(DemoOptions(targetLines: 3_000))
        let schedule = CloseSchedule(name: "nightly", sourceKey: key, hour: 2, minute: 30, closeWindowWorkingDays: 3)
        let work = CloseScheduler.closeRuns(store: store, actor: "scheduler", sources: { _ in DemoLedgerSource(book: book) })
        let scheduler = CloseScheduler(store: store, schedules: [schedule], locks: CompanyRunLock(), work: work)
        _ = await scheduler.tick(now: Self.utc("2026-11-04", 2, 30))
        await scheduler.waitForRuns()
        let run = try #require(store.scheduledRuns().first)
        #expect(run.status == .succeeded && run.period == "2026-10", "\(run.summary)")
        #expect(run.summary.contains("findings: ") && run.summary.contains("checklist ") && run.summary.contains("lock blockers"), "\(run.summary)")
        #expect(try store.auditEvents().contains { $0.actor == "scheduler" && $0.action == "pull.started" })
    }
}
