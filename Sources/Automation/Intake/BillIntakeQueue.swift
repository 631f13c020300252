public import CloseStore
public import CloseWorkflows
public import Ledger

/// Runs intake for the vendor bills Odoo's webhooks name, at once rather than with the coalesced refresh:
/// a duplicate must be held before anyone pays it. Odoo sends its webhook inside the transaction that
/// creates the bill, before committing it, so a bill not found yet is looked for again a few times. A
/// bill touched while its intake runs is checked once more afterwards, never twice at the same time.
public actor BillIntakeQueue {
    /// One intake as it ended.
    public struct Outcome: Sendable, Hashable {
        public var billID: Int
        public var attempts: Int
        /// The review's status after the check; nil when the id was no vendor bill of the company (or never appeared).
        public var status: BillReview.Status?
        /// Why it failed, in a sentence (nil when it succeeded).
        public var error: String?
    }

    let service: BillIntakeService
    /// Waits before each look for the bill: the first lets Odoo commit it.
    let waits: [Duration]
    let today: @Sendable () -> LocalDate

    private var running: [Int: Task<Void, Never>] = [:]
    private var again: Set<Int> = []
    public private(set) var outcomes: [Outcome] = []

    /// Looking costs one read, so the bill is looked for every half second for 15 seconds.
    public init(service: BillIntakeService, waits: [Duration] = Array(repeating: .milliseconds(500), count: 30),
                today: @escaping @Sendable () -> LocalDate = { .todayUTC() }) {
        self.service = service
        self.waits = waits
        self.today = today
    }

    /// Asks for the bill's intake and returns at once (Odoo's webhook waits one second at most).
    public func submit(billID: Int) {
        guard running[billID] == nil else {
            again.insert(billID)
            return
        }
        running[billID] = Task { await self.run(billID) }
    }

    /// Waits until no intake is running (for shutdown and tests).
    public func idle() async {
        while let task = running.values.first { await task.value }
    }

    private func run(_ billID: Int) async {
        repeat {
            outcomes.append(await check(billID))
        } while again.remove(billID) != nil
        running[billID] = nil
    }

    private func check(_ billID: Int) async -> Outcome {
        var outcome = Outcome(billID: billID, attempts: 0)
        for wait in waits {
            try? await Task.sleep(for: wait)
            outcome.attempts += 1
            do {
                let report = try await service.intake(billIDs: [billID], asOf: today())
                if let review = report.bills.first?.review {
                    outcome.status = review.status
                    return outcome
                }
                // Committed but skipped: a customer invoice, a payment, another company's entry. Nothing to wait for.
                if try await service.isEntry(billID) { return outcome }
            } catch {
                // Nobody waits for a webhook's answer: the failure goes on the audit trail, where the dashboard shows it.
                outcome.error = String(describing: error)
                _ = try? service.store.recordAudit(NewAuditEvent(
                    actor: service.actor, action: "payables.intake.failed", targets: [AuditTarget(model: "account.move", id: String(billID))],
                    payload: AuditPayload(["error": String(describing: error)]), outcome: "failed"))
                return outcome
            }
        }
        return outcome
    }
}
