public import Hummingbird
public import JobQueue
import Ledger

/// Prometheus' scrape target for a firm (`closer firm-metrics`): `GET /metrics` reads the shared queue on each
/// scrape, so one such process serves the figures of every worker on every machine.
public struct FirmMetricsServer: Sendable {
    let queue: any JobQueue
    /// How far back finished jobs count toward the wait, run and close figures.
    let window: Duration

    public init(queue: any JobQueue, window: Duration) {
        self.queue = queue
        self.window = window
    }

    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("metrics") { _, _ -> Response in
            let text = try await FirmMetrics.read(from: queue, window: window).exposition()
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        }
        return router
    }

    /// Serves until SIGTERM or SIGINT.
    public func run(host: String, port: Int) async throws {
        try await Application(router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "closer-firm-metrics"))
            .runService()
    }
}
