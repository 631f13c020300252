import BrowserSupport
import CloseSettings
import CloseWorkflows
import FirmWork
import Foundation
import Hummingbird
import PostgresSupport
import Testing

/// A firm member in a real browser: signs in with their token, sees the heat map of their tenants only, drills
/// into one, and finds another member's tenant missing.
@Suite(.enabled(if: PostgresTestServer.enabled, "skipped: no PostgreSQL (CLOSER_TEST_POSTGRES_URL)"))
struct FirmConsoleBrowserTests {
    @Test(.enabled(if: WebDriver.isAvailable, "Skipped: no chromium and chromedriver on PATH (Debian: apt-get install chromium chromium-driver)."),
          .timeLimit(.minutes(3)))
    func aMemberSignsInSeesTheirHeatMapAndDrillsIntoATenant() async throws {
        try await FirmConsoleTests.withFirm { firm in
            let anna = try #require(firm.tokens["anna"])
            let (ports, bound) = AsyncStream.makeStream(of: Int.self)
            let app = Application(router: firm.console.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                                  onServerRunning: { channel in bound.yield(channel.localAddress?.port ?? 0) })
            let server = Task { try await app.runService(gracefulShutdownSignals: []) }
            defer { server.cancel() }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            let base = try #require(URL(string: "http://127.0.0.1:\(port)/"))

            let browser = try await WebDriver()
            do {
                try await browser.navigate(to: base)
                #expect(try await browser.currentURL().hasSuffix("/sign-in"))
                try await browser.type("clf_not-a-token", into: "#token")
                try await browser.click("#sign-in")
                let refused = try await browser.text(of: "[role=alert]") { $0.contains("not known") }
                #expect(refused.contains("not known to the firm directory"), "\(refused)")

                try await browser.type(anna, into: "#token")
                try await browser.click("#sign-in")
                #expect(try await browser.text(of: "#signed-in") { $0.contains("anna") } == "Anna (anna)")
                let map = try await browser.text(of: "#heatmap") { $0.contains("tenant1") }
                #expect(map.contains("tenant1") && map.contains("tenant2") && !map.contains("tenant3"))
                #expect(try await browser.text(of: "#tenant-tenant1").contains("1 day"))

                try await browser.click("#tenant-tenant1 a")
                #expect(try await browser.text(of: "#title") { $0.hasPrefix("tenant1") } == "tenant1 · 2026-10")
                let card = try await firm.console.cards.card(for: try firm.console.tenants.tenant("tenant1"), period: nil, asOf: try #require(FirmConsoleTests.asOf), actor: "anna")
                let blockers = try #require(card.status?.blockers)
                #expect(!blockers.isEmpty, "a close just drafted by the agent still waits for people")
                let shown = try await browser.text(of: "#blockers") { !$0.isEmpty }
                #expect(blockers.allSatisfy { shown.contains($0) }, "\(shown)")

                try await browser.navigate(to: base.appendingPathComponent("tenants/tenant3"))
                #expect(try await browser.text(of: "body") { $0.contains("No tenant") }.contains("No tenant 'tenant3' here."))
            } catch {
                await browser.quit()
                throw error
            }
            await browser.quit()
        }
    }
}
