import ArgumentParser
import CloseSettings
import FirmWork
import Foundation
import Ledger
import Logging

struct FirmConsoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "firm-console",
        abstract: "Serve the firm console: every tenant's close as a heat map, a page per tenant, the same as JSON, and closes asked for over the API or by the calendars.")

    @OptionGroup var firm: FirmOptions
    @OptionGroup var stores: TenantStoreOptions
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port to listen on.") var port = 8090
    @Option(help: "Every this many minutes, ask for the closes the tenants' calendars say are due (as `closer enqueue --due`); 0: never.")
    var scheduleMinutes = 60
    @Option(help: "Read closes as of this day (YYYY-MM-DD) instead of today: for demonstrations.") var asOf: String?
    @Flag(help: "Mark the sign-in cookie Secure (sent over HTTPS only): use behind a TLS proxy.") var secureCookies = false

    func validate() throws {
        guard scheduleMinutes >= 0 else { throw ValidationError("--schedule-minutes must be 0 or more.") }
        if let asOf, LocalDate(iso: asOf) == nil { throw ValidationError("--as-of '\(asOf)' is not a date: write YYYY-MM-DD.") }
    }

    func run() async throws {
        let tenants = try firm.tenantsFile()
        let runner = stores.runner()
        try await firm.withFirm { queue, directory in
            let console = FirmConsole(tenants: tenants, cards: TenantCardReader(stores: runner, queue: queue), directory: directory,
                                      asOf: asOf.flatMap(LocalDate.init(iso:)), secureCookies: secureCookies)
            print("firm-console: \(tenants.tenants.count) tenants, serving http://\(host):\(port)/ until interrupted")
            try await console.run(host: host, port: port, queue: queue, scheduleEvery: scheduleMinutes == 0 ? nil : .seconds(scheduleMinutes * 60),
                                  logger: Logger(label: "closer.firm-console"))
        }
    }
}
