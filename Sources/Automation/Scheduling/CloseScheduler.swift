public import CloseSettings
public import CloseStore
import CloseWorkflows
public import Ledger
public import Foundation

/// Starts the configured close runs when they are due: at the schedule's time, on days in its close
/// window, once per slot (the store's history says which slots ran). A slot that comes while a run of
/// the same company is still going (another schedule's, or a webhook's refresh) is recorded as
/// skipped-overlap rather than run alongside it.
public actor CloseScheduler {
    /// The work of one run; returns a one-line summary for the history.
    public typealias Work = @Sendable (_ sourceKey: SourceKey, _ period: Period, _ asOf: LocalDate) async throws -> String

    let store: AppDatabase
    let schedules: [CloseSchedule]
    let locks: CompanyRunLock
    let work: Work
    let clock: @Sendable () -> Date
    private var running: [Int64: Task<Void, Never>] = [:]

    public init(store: AppDatabase, schedules: [CloseSchedule], locks: CompanyRunLock, work: @escaping Work,
                clock: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.schedules = schedules
        self.locks = locks
        self.work = work
        self.clock = clock
    }

    /// The close sequence without writes (`CloseRunService`: pull, check, reconcile, propose, checklist),
    /// pulling from the source the factory opens for the company.
    public static func closeRuns(store: AppDatabase, actor: String, ruleSet: RuleSet = .builtIn,
                                 sources: @escaping IncrementalRefreshService.SourceFactory) -> Work {
        { sourceKey, period, asOf in
            let standing = try await CloseRunService(store: store, actor: actor, ruleSet: ruleSet)
                .run(pullingFrom: try await sources(sourceKey), sourceKey: sourceKey, period: period, asOf: asOf)
            let findings = standing.findingsBySeverity.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            return "findings: \(findings.isEmpty ? "none" : findings); checklist \(standing.checklist); "
                + (standing.lockBlockers.isEmpty ? "ready to lock" : "\(standing.lockBlockers.count) lock blockers")
        }
    }

    /// Starts every run due at `now` and records skipped ones; returns the history rows it wrote. Started
    /// runs go on in the background (`waitForRuns` awaits them).
    @discardableResult
    public func tick(now: Date) async -> [ScheduledRun] {
        var recorded: [ScheduledRun] = []
        for schedule in schedules {
            guard let slot = schedule.slot(at: now) else { continue }
            do {
                guard try !store.hasScheduledRun(schedule: schedule.name, slot: slot.time) else { continue }
                let sourceKey = try schedule.sourceKey ?? CheckService.onlySourceKey(in: store)
                guard await locks.tryAcquire(sourceKey) else {
                    if let skipped = try store.startScheduledRun(schedule: schedule.name, sourceKey: sourceKey, period: slot.period.description,
                                                                 slot: slot.time, status: .skippedOverlap,
                                                                 summary: "a run of \(sourceKey) was still going", at: now) {
                        recorded.append(skipped)
                    }
                    continue
                }
                guard let started = try store.startScheduledRun(schedule: schedule.name, sourceKey: sourceKey, period: slot.period.description,
                                                                slot: slot.time, at: now) else {
                    await locks.release(sourceKey)
                    continue
                }
                recorded.append(started)
                running[started.id] = Task { await self.perform(started, slot: slot) }
            } catch {
                // The slot is recorded as failed so the history shows why, and it is not retried every tick.
                let failed = try? store.startScheduledRun(schedule: schedule.name, sourceKey: schedule.sourceKey ?? "", period: slot.period.description,
                                                          slot: slot.time, status: .failed, summary: String(describing: error), at: now)
                if let failed { recorded.append(failed) }
            }
        }
        return recorded
    }

    /// Ticks every `interval` until cancelled; first marks runs a stopped process left running as interrupted.
    public func run(every interval: Duration = .seconds(30)) async {
        _ = try? store.markInterruptedScheduledRuns(at: clock())
        while !Task.isCancelled {
            await tick(now: clock())
            try? await Task.sleep(for: interval)
        }
        await waitForRuns()
    }

    /// Waits for the runs started so far to finish.
    public func waitForRuns() async {
        while let task = running.values.first { await task.value }
    }

    private func perform(_ run: ScheduledRun, slot: CloseSchedule.Slot) async {
        let status: ScheduledRun.Status, summary: String
        do {
            summary = try await work(run.sourceKey, slot.period, slot.day)
            status = .succeeded
        } catch {
            (status, summary) = (.failed, String(describing: error))
        }
        _ = try? store.finishScheduledRun(id: run.id, status: status, summary: summary, at: clock())
        await locks.release(run.sourceKey)
        running[run.id] = nil
    }
}
