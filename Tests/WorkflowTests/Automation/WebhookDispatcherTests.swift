@testable import Automation
import CloseStore
import Foundation
import Ledger
import LoopbackHTTP
import Testing

/// Deliveries over real HTTP to a loopback receiver: signed, retried with backoff, then dead.
@Suite struct WebhookDispatcherTests {
    static let secret = WebhookSecret("whsec-n8n-test")
    static let start = Date(timeIntervalSince1970: 1_796_000_000)
    static let event = WebhookEvent(key: "period.locked/demo/3", type: .periodLocked, source: "demo", period: "2026-10",
                                    occurredAt: "2026-11-05T10:00:00.000Z", details: ["lockRequest": "3", "fields": "fiscal_year"])

    @Test func aDueDeliveryIsPostedSignedAndMarkedDelivered() async throws {
        let server = try LoopbackServer { _ in .json(Array("{}".utf8)) }
        defer { server.stop() }
        let store = try AppDatabase.inMemory()
        let clock = ManualClock(Self.start)
        let target = WebhookTarget(url: server.url.appendingPathComponent("webhook/closer"), events: [.periodLocked])
        try store.enqueueWebhookEvents([Self.event], targets: [target], at: Self.start)
        let dispatcher = WebhookDispatcher(store: store, signer: WebhookSigner(secret: Self.secret), timeout: .seconds(5),
                                           clock: { clock.now }, random: { 0 })
        #expect(try await dispatcher.deliverDue() == WebhookDispatcher.Report(delivered: 1))
        let request = try #require(server.requests.first)
        #expect(request.path == "/webhook/closer")
        #expect(request.headers["content-type"] == "application/json")
        #expect(request.headers["closer-event"] == "period.locked")
        #expect(request.headers["idempotency-key"] == Self.event.key)
        #expect(request.headers["closer-delivery"] == String(try #require(store.webhookDeliveries().first).id))
        #expect(String(decoding: request.body, as: UTF8.self) == Self.event.body)
        // What the receiver does: recompute the signature over the raw body with the shared secret.
        try WebhookSigner(secret: Self.secret).verify(try #require(request.headers["closer-signature"]), body: request.body, now: clock.now)
        #expect(try store.webhookDeliveries().map(\.status) == [.delivered])
        #expect(try await dispatcher.deliverDue() == WebhookDispatcher.Report())
        #expect(server.requestCount == 1)
    }

    @Test func aFailingEndpointIsRetriedWithBackoffThenDeadLetteredWithoutTheURLsSecret() async throws {
        let server = try LoopbackServer { _ in .respond(status: 503, contentType: "text/plain", body: Array("busy".utf8)) }
        defer { server.stop() }
        let store = try AppDatabase.inMemory()
        let clock = ManualClock(Self.start)
        var url = URLComponents(url: server.url.appendingPathComponent("hook"), resolvingAgainstBaseURL: false)!
        url.queryItems = [URLQueryItem(name: "token", value: "url-secret-42")]
        try store.enqueueWebhookEvents([Self.event], targets: [WebhookTarget(url: url.url!, events: [.periodLocked])], at: Self.start)
        // Delays 10 s × 2^(n-1), plus the full 50 % jitter (random = 1): 15 s, then 30 s; the third failure is the last.
        let policy = WebhookRetryPolicy(maxAttempts: 3, base: .seconds(10), cap: .seconds(3600), jitter: 0.5)
        let dispatcher = WebhookDispatcher(store: store, signer: WebhookSigner(secret: Self.secret), policy: policy, timeout: .seconds(5),
                                           clock: { clock.now }, random: { 1 })
        #expect(try await dispatcher.deliverDue() == WebhookDispatcher.Report(retrying: 1))
        clock.advance(seconds: 14)
        #expect(try await dispatcher.deliverDue() == WebhookDispatcher.Report())
        clock.advance(seconds: 1)
        #expect(try await dispatcher.deliverDue() == WebhookDispatcher.Report(retrying: 1))
        clock.advance(seconds: 29)
        #expect(try await dispatcher.deliverDue() == WebhookDispatcher.Report())
        clock.advance(seconds: 1)
        #expect(try await dispatcher.deliverDue() == WebhookDispatcher.Report(dead: 1))
        #expect(server.requestCount == 3)
        let dead = try #require(store.deadLetters().first)
        #expect(dead.attempts == 3 && dead.lastError == "HTTP 503 from 127.0.0.1:\(server.port)")
        let audited = try store.auditEvents().map(\.payload).joined()
        #expect(!audited.contains("url-secret-42") && !(dead.lastError ?? "").contains("url-secret-42"))
        clock.advance(seconds: 86_400)
        #expect(try await dispatcher.deliverDue() == WebhookDispatcher.Report())
    }

    @Test func aRefusedConnectionIsAFailedAttemptNamingTheHost() async throws {
        let store = try AppDatabase.inMemory()
        let port = LoopbackServer.closedPort()
        try store.enqueueWebhookEvents([Self.event], targets: [WebhookTarget(url: URL(string: "http://127.0.0.1:\(port)/hook")!, events: [.periodLocked])])
        let dispatcher = WebhookDispatcher(store: store, signer: WebhookSigner(secret: Self.secret), timeout: .seconds(5))
        #expect(try await dispatcher.deliverDue() == WebhookDispatcher.Report(retrying: 1))
        #expect(try store.webhookDeliveries().first?.lastError == "connection to 127.0.0.1:\(port) refused")
    }

    @Test func theServiceLoopFeedsAndDeliversUntilCancelled() async throws {
        let server = try LoopbackServer { _ in .json(Array("{}".utf8)) }
        defer { server.stop() }
        let store = try AppDatabase.inMemory()
        let target = WebhookTarget(url: server.url, events: [.periodLocked])
        try store.enqueueWebhookEvents([Self.event], targets: [target])
        _ = try store.recordAudit(NewAuditEvent(actor: "test", action: "pull.started"))
        let dispatcher = WebhookDispatcher(store: store, signer: WebhookSigner(secret: Self.secret), timeout: .seconds(5))
        let loop = Task { await dispatcher.run(feed: WebhookEventFeed(store: store), targets: [target], every: .milliseconds(50)) }
        for _ in 0..<200 where try store.webhookDeliveries(status: .delivered).isEmpty { try await Task.sleep(for: .milliseconds(25)) }
        loop.cancel()
        await loop.value
        #expect(try store.webhookDeliveries().map(\.status) == [.delivered] && server.requestCount == 1)
        // The trail's one event was no news for the target: the cursor moved past it.
        #expect(try store.webhookFeedCursor() == 1)
    }

    @Test func backoffDoublesUpToTheCapAndStopsAfterTheLastAttempt() {
        let policy = WebhookRetryPolicy(maxAttempts: 8, base: .seconds(30), cap: .seconds(600), jitter: 0.2)
        #expect((1...7).map { policy.delay(afterAttempts: $0, random: 0)!.seconds } == [30, 60, 120, 240, 480, 600, 600])
        #expect(policy.delay(afterAttempts: 2, random: 0.999)!.seconds < 72.01)
        #expect(policy.delay(afterAttempts: 6, random: 1)!.seconds == 600)
        #expect(policy.delay(afterAttempts: 8, random: 0) == nil)
    }
}
