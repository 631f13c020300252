import ArgumentParser
import CloseSettings
import FirmWork
import Foundation
import JobQueue
import Ledger

struct EnqueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enqueue",
        abstract: "Ask the firm's workers to close a period for every tenant (or those named): the pull is queued, the workers chain check, reconcile, propose and package.")

    @OptionGroup var firm: FirmOptions
    @Option(help: "The period to close, YYYY-MM.") var period: String
    @Option(name: .customLong("tenant"), help: "Only this tenant (repeat for several; default: every tenant in the file).") var only: [String] = []
    @Option(help: "The day the close is done, YYYY-MM-DD (default: the day each step runs).") var asOf: String?
    @Option(help: "Close the period again under this label (a close of a period is otherwise asked for once).") var again: String?
    @Option(help: "Higher runs first.") var priority = 0
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        do { _ = try Period(parsing: period) } catch { throw ValidationError(String(describing: error)) }
        if let asOf, LocalDate(iso: asOf) == nil { throw ValidationError("--as-of '\(asOf)' is not a date: write YYYY-MM-DD.") }
    }

    func run() async throws {
        let file = try firm.tenantsFile()
        let tenants = only.isEmpty ? file.tenants : try only.map(file.tenant)
        let period = try Period(parsing: period)
        let payload = CloseJobPayload(asOf: asOf.flatMap(LocalDate.init(iso:)))
        let enqueued = try await firm.withQueue { queue in
            try await CloseEnqueuer(queue: queue).enqueue(tenants, period: period, payload: payload, again: again, priority: priority)
        }
        let created = enqueued.filter(\.created).count
        if json { return try Output.json(["asked": enqueued.count, "created": created]) }
        print("Close of \(period) asked for \(enqueued.count) tenant(s): \(created) queued now, \(enqueued.count - created) already asked for.")
    }
}
