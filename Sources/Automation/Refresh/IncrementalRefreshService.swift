public import CloseSettings
public import CloseStore
import CloseWorkflows
public import Ledger
import Foundation

/// What Odoo's webhooks set off: an incremental pull of the company (by write-date cursor, so only what
/// changed) and a check of the periods being closed. Webhooks come in bursts (posting an invoice touches
/// the move and its lines), so requests for a company within the coalescing time make one refresh; a
/// request during a refresh makes one more afterwards. A refresh waits for any other run of the company
/// (the shared `CompanyRunLock`), so it never pulls alongside a scheduled close.
public actor IncrementalRefreshService {
    public typealias SourceFactory = @Sendable (_ sourceKey: SourceKey) async throws -> any LedgerSource

    /// One refresh as it ended.
    public struct Outcome: Sendable, Hashable {
        public var sourceKey: SourceKey
        /// How many requests this refresh answered.
        public var requests: Int
        public var pullRunID: Int64?
        public var checkRunIDs: [Int64]
        public var newFindings: Int
        /// Why it failed, in a sentence (nil when it succeeded).
        public var error: String?
    }

    let store: AppDatabase
    let actor: String
    let locks: CompanyRunLock
    let sources: SourceFactory
    let ruleSet: RuleSet
    let historyMonths: Int
    let coalescing: Duration
    let periods: @Sendable (LocalDate) -> [Period]
    let today: @Sendable () -> LocalDate

    private var waitingRequests: [SourceKey: Int] = [:]
    private var tasks: [SourceKey: Task<Void, Never>] = [:]
    public private(set) var outcomes: [Outcome] = []

    /// `periods` maps today to the periods to check (default: the month just ended, the one being closed).
    public init(store: AppDatabase, actor: String, locks: CompanyRunLock, sources: @escaping SourceFactory, ruleSet: RuleSet = .builtIn,
                historyMonths: Int = 12, coalescing: Duration = .seconds(5),
                periods: @escaping @Sendable (LocalDate) -> [Period] = { [Period(containing: $0).previous] },
                today: @escaping @Sendable () -> LocalDate = { .todayUTC() }) {
        self.store = store
        self.actor = actor
        self.locks = locks
        self.sources = sources
        self.ruleSet = ruleSet
        self.historyMonths = historyMonths
        self.coalescing = coalescing
        self.periods = periods
        self.today = today
    }

    /// Verifies an Odoo webhook, then asks for a refresh of the company. A refused webhook throws before
    /// anything is asked, so it changes nothing in the store.
    @discardableResult
    public func accept(headers: [String: String], query: [String: String], body: [UInt8], sourceKey: SourceKey,
                       receiver: OdooWebhookReceiver) throws(OdooWebhookError) -> OdooWebhookTouch {
        let touch = try receiver.receive(headers: headers, query: query, body: body)
        request(sourceKey: sourceKey)
        return touch
    }

    /// Asks for a refresh of the company and returns at once (Odoo's webhook waits one second at most).
    public func request(sourceKey: SourceKey) {
        waitingRequests[sourceKey, default: 0] += 1
        // A refresh already waiting takes this request along; one running gets a follow-up when it ends.
        guard tasks[sourceKey] == nil else { return }
        schedule(sourceKey)
    }

    /// Waits until no refresh is waiting or running (for shutdown and tests).
    public func idle() async {
        while let task = tasks.values.first { await task.value }
    }

    private func schedule(_ sourceKey: SourceKey) {
        tasks[sourceKey] = Task { [coalescing] in
            try? await Task.sleep(for: coalescing)
            await self.refresh(sourceKey)
        }
    }

    private func refresh(_ sourceKey: SourceKey) async {
        await locks.acquire(sourceKey)
        let requests = waitingRequests.removeValue(forKey: sourceKey) ?? 0
        let outcome = await perform(sourceKey, requests: requests)
        await locks.release(sourceKey)
        outcomes.append(outcome)
        if waitingRequests[sourceKey] != nil { schedule(sourceKey) } else { tasks[sourceKey] = nil }
    }

    private func perform(_ sourceKey: SourceKey, requests: Int) async -> Outcome {
        var outcome = Outcome(sourceKey: sourceKey, requests: requests, checkRunIDs: [], newFindings: 0)
        let asOf = today()
        let periods = periods(asOf).sorted()
        guard let earliest = periods.first else { return outcome }
        do {
            let source = try await sources(sourceKey)
            // One pull covers every period: its window runs from the earliest period's history onward.
            outcome.pullRunID = try await PullService(store: store, actor: actor)
                .pull(from: source, sourceKey: sourceKey, period: earliest, historyMonths: historyMonths).runID
            for period in periods {
                let report = try CheckService(store: store, actor: actor).run(sourceKey: sourceKey, period: period, asOf: asOf, ruleSet: ruleSet)
                outcome.checkRunIDs.append(report.runID)
                outcome.newFindings += report.comparison.new.count
            }
        } catch {
            outcome.error = String(describing: error)
        }
        return outcome
    }
}
