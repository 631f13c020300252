import ArgumentParser
import CloseSettings
import FirmWork
import Foundation
import JobQueue
import Ledger

struct EnqueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enqueue",
        abstract: "Ask the firm's workers to close a period for every tenant (or those named), or with --due the closes the tenants' calendars say are under way: the pull is queued, the workers chain check, reconcile, propose and package.")

    @OptionGroup var firm: FirmOptions
    @Option(help: "The period to close, YYYY-MM.") var period: String?
    @Flag(help: "Instead of --period: each tenant's close its calendar says is under way today (run it hourly; a close is asked for once).") var due = false
    @Option(name: .customLong("tenant"), help: "Only this tenant (repeat for several; default: every tenant in the file).") var only: [String] = []
    @Option(help: "The day the close is done, YYYY-MM-DD (default: the day each step runs).") var asOf: String?
    @Option(help: "Close the period again under this label (a close of a period is otherwise asked for once).") var again: String?
    @Option(help: "Higher runs first.") var priority = 0
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        guard (period == nil) == due else { throw ValidationError("Name the period to close with --period YYYY-MM, or ask for the closes due today with --due.") }
        if due, again != nil { throw ValidationError("--again closes a named period anew: use it with --period.") }
        if let period { do { _ = try Period(parsing: period) } catch { throw ValidationError(String(describing: error)) } }
        if let asOf, LocalDate(iso: asOf) == nil { throw ValidationError("--as-of '\(asOf)' is not a date: write YYYY-MM-DD.") }
    }

    func run() async throws {
        let file = try firm.tenantsFile()
        let tenants = only.isEmpty ? file.tenants : try only.map(file.tenant)
        let payload = CloseJobPayload(asOf: asOf.flatMap(LocalDate.init(iso:)))
        guard let period = try period.map(Period.init(parsing:)) else { return try await enqueueDue(tenants, payload: payload) }
        let enqueued = try await firm.withQueue { queue in
            try await CloseEnqueuer(queue: queue).enqueue(tenants, period: period, payload: payload, again: again, priority: priority)
        }
        let created = enqueued.filter(\.created).count
        if json { return try Output.json(["asked": enqueued.count, "created": created]) }
        print("Close of \(period) asked for \(enqueued.count) tenant(s): \(created) queued now, \(enqueued.count - created) already asked for.")
    }

    private func enqueueDue(_ tenants: [Tenant], payload: CloseJobPayload) async throws {
        let today = LocalDate.todayUTC()
        let due = try await firm.withQueue { queue in try await CloseEnqueuer(queue: queue).enqueueDue(tenants, on: today, payload: payload) }
        let created = due.filter(\.enqueued.created)
        if json { return try Output.json(["due": due.count, "created": created.count]) }
        print("Closes due on \(today): \(due.count) of \(tenants.count) tenant(s) (\(tenants.count { $0.calendar == nil }) without a calendar); \(created.count) queued now.")
        for close in created { print("  \(close.tenant.id): \(close.period), due \(close.deadline)") }
    }
}
