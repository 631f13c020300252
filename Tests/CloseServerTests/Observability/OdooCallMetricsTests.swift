@testable import CloseServer
import Foundation
import Ledger
import LoopbackHTTP
import OdooRPC
import Testing

/// Odoo calls made with the server's options show up in /metrics: latency per call, and failures
/// by call and kind.
@Suite("Odoo call metrics")
struct OdooCallMetricsTests {
    @Test func everyAttemptIsTimedAndFailuresCountedByKind() async throws {
        let odoo = try LoopbackServer { request in
            request.number == 1 ? .respond(status: 503, contentType: "text/plain", body: Array("down".utf8)) : .close
        }
        defer { odoo.stop() }
        let metrics = ServerMetrics()
        let options = OdooClientOptions(timeout: .seconds(5), retry: RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(1), jitter: false),
                                        observer: OdooCallMetrics(metrics: metrics))
        let client = OdooClient(endpoint: OdooEndpoint(url: URL(string: "http://127.0.0.1:\(odoo.port)")!, database: "db", login: "admin",
                                                       credential: .password("secret")), options: options)

        await #expect(throws: OdooError.self) { try await client.version() }

        var bytes: [UInt8] = []
        metrics.emit(into: &bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains(#"closer_odoo_call_duration_seconds_count{call="common.version"} 2"#), "\(text)")
        #expect(text.contains(#"closer_odoo_call_errors_total{call="common.version",kind="httpStatus"} 1"#), "\(text)")
        #expect(text.contains(#"closer_odoo_call_errors_total{call="common.version",kind="network"} 1"#), "\(text)")
        #expect(!text.contains("secret"))
    }
}
