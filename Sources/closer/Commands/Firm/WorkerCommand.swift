import ArgumentParser
import FirmWork
import Foundation

struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Take close steps from the firm's job queue and run them, on any number of machines; SIGTERM drains (finish or give back the job).")

    @OptionGroup var firm: FirmOptions
    @OptionGroup var stores: TenantStoreOptions
    @Option(help: "This worker's name in the queue (default: host name and process id).") var name: String?
    @Option(help: "Seconds a lease lasts; a heartbeat renews it every third. A killed worker's job goes to another after this.") var leaseSeconds = 120
    @Option(help: "Seconds a drain waits for the running step before giving its job back.") var drainSeconds = 30
    @Option(help: "Exit after this many seconds without work (default: wait for work until SIGTERM).") var exitWhenIdle: Int?
    @Flag(help: "Print the jobs it ran as JSON when it stops, instead of a line per job.") var json = false

    func validate() throws {
        guard leaseSeconds >= 3 else { throw ValidationError("--lease-seconds must be 3 or more: the heartbeat renews it every third.") }
        guard drainSeconds >= 0 else { throw ValidationError("--drain-seconds must be zero or more.") }
    }

    func run() async throws {
        let file = try firm.tenantsFile()
        let drain = DrainSignal()
        let signals = [SIGTERM, SIGINT].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                FileHandle.standardError.write(Data("worker: draining (no new job; the running step has \(drainSeconds) s to finish)\n".utf8))
                drain.request()
            }
            source.resume()
            return source
        }
        defer { signals.forEach { $0.cancel() } }
        let workerName = name ?? "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)"
        let json = json
        let records = try await firm.withQueue { queue in
            try await FirmWorker(
                name: workerName, queue: queue, tenants: file, runner: stores.runner(),
                leaseDuration: .seconds(leaseSeconds), drainGrace: .seconds(drainSeconds), exitWhenIdleFor: exitWhenIdle.map { .seconds($0) },
                log: { line in if !json { print("worker \(workerName): \(line)") } }
            ).run(drain: drain)
        }
        if json { return try Output.json(records) }
        let succeeded = records.filter { $0.outcome == .succeeded }.count
        print("worker \(workerName): \(records.count) job(s), \(succeeded) succeeded, \(records.count - succeeded) failed, given back or lost.")
    }
}
