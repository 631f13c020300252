import ArgumentParser
import FirmWork

struct FirmMetricsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "firm-metrics",
        abstract: "Serve the firm's queue as Prometheus metrics (GET /metrics): jobs by state, queue wait and run time by kind, each tenant's close time.")

    @OptionGroup var firm: FirmOptions
    @Option(help: "The address to listen on. The figures name every tenant: keep it on loopback or a private network.") var host = "127.0.0.1"
    @Option(help: "The port to listen on.") var port = 9464
    @Option(help: "Hours back that finished jobs count toward the wait, run and close figures.") var windowHours = 24

    func validate() throws {
        guard windowHours >= 1 else { throw ValidationError("--window-hours must be 1 or more.") }
    }

    func run() async throws {
        try await firm.withQueue { queue in
            print("firm-metrics: serving http://\(host):\(port)/metrics until interrupted")
            try await FirmMetricsServer(queue: queue, window: .seconds(windowHours * 3600)).run(host: host, port: port)
        }
    }
}
