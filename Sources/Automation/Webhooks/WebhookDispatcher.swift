public import CloseStore
import Ledger
import OdooRPC
public import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
public import Logging

/// Sends due webhook deliveries: one signed JSON POST each; a 2xx answer delivers it, anything else
/// (another status, a timeout, a refused connection) is recorded and retried per the policy, and the
/// last failure makes it a dead letter. The error text names what failed, never the URL's query or a secret.
public struct WebhookDispatcher: Sendable {
    public var store: AppDatabase
    public var signer: WebhookSigner
    public var policy: WebhookRetryPolicy
    public var timeout: Duration
    /// Who the audit trail names when a delivery dies.
    public var actor: String
    public var clock: @Sendable () -> Date
    public var random: @Sendable () -> Double
    private let session: URLSession

    public init(store: AppDatabase, signer: WebhookSigner, policy: WebhookRetryPolicy = WebhookRetryPolicy(), timeout: Duration = .seconds(10),
                actor: String = "closer-agent", clock: @escaping @Sendable () -> Date = Date.init,
                random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.store = store
        self.signer = signer
        self.policy = policy
        self.timeout = timeout
        self.actor = actor
        self.clock = clock
        self.random = random
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.timeoutIntervalForRequest = timeout.timeoutSeconds
        configuration.timeoutIntervalForResource = timeout.timeoutSeconds
        session = URLSession(configuration: configuration)
    }

    /// What one pass did.
    public struct Report: Sendable, Hashable, Codable {
        public var delivered = 0
        public var retrying = 0
        public var dead = 0
    }

    /// Attempts every delivery due now, one after another, and records each outcome.
    public func deliverDue(limit: Int = 100) async throws -> Report {
        var report = Report()
        for delivery in try store.dueWebhookDeliveries(at: clock(), limit: limit) {
            try Task.checkCancellation()
            let outcome = await attempt(delivery)
            let recorded = try store.recordDeliveryAttempt(id: delivery.id, outcome: outcome, actor: actor, at: clock())
            switch recorded.status {
            case .delivered: report.delivered += 1
            case .pending: report.retrying += 1
            case .dead: report.dead += 1
            }
        }
        return report
    }

    /// Turns new events into deliveries and sends what is due, every `interval` until cancelled (the server
    /// starts this beside the scheduler). A failed pass is logged (errors carry no secret) and the next one runs.
    public func run(feed: WebhookEventFeed, targets: [WebhookTarget], every interval: Duration = .seconds(15),
                    logger: Logger = Logger(label: "closer.webhooks")) async {
        while !Task.isCancelled {
            do {
                let now = clock()
                try feed.enqueue(for: targets, asOf: .todayUTC(now: now), at: now)
                let report = try await deliverDue()
                if report != Report() { logger.info("webhooks: \(report.delivered) delivered, \(report.retrying) to retry, \(report.dead) dead") }
            } catch is CancellationError {
                return
            } catch {
                logger.error("webhook pass failed: \(error)")
            }
            try? await Task.sleep(for: interval)
        }
    }

    func attempt(_ delivery: WebhookDelivery) async -> DeliveryAttemptOutcome {
        guard let url = URL(string: delivery.targetURL) else { return .failed(error: "the target URL is not valid", retryAt: nil) }
        let body = Data(delivery.payload.utf8)
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = body
        request.timeoutInterval = timeout.timeoutSeconds
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("Closer-Webhooks/1", forHTTPHeaderField: "User-Agent")
        request.setValue(signer.signature(for: body, at: clock()), forHTTPHeaderField: WebhookSigner.header)
        request.setValue(delivery.eventType.rawValue, forHTTPHeaderField: "Closer-Event")
        request.setValue(String(delivery.id), forHTTPHeaderField: "Closer-Delivery")
        request.setValue(delivery.eventKey, forHTTPHeaderField: "Idempotency-Key")
        let failure: String
        do {
            let (_, response) = try await session.cancellableData(for: request)
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            if (200..<300).contains(status) { return .delivered }
            failure = "HTTP \(status) from \(Self.host(url))"
        } catch let error as URLError {
            failure = Self.describe(error, host: Self.host(url), timeout: timeout)
        } catch {
            failure = "the request to \(Self.host(url)) failed"
        }
        let retryAt = policy.delay(afterAttempts: delivery.attempts + 1, random: random()).map { clock().addingTimeInterval($0.seconds) }
        return .failed(error: failure, retryAt: retryAt)
    }

    static func host(_ url: URL) -> String {
        let name = url.host ?? "?"
        return url.port.map { "\(name):\($0)" } ?? name
    }

    static func describe(_ error: URLError, host: String, timeout: Duration) -> String {
        switch error.code {
        case .timedOut: "no answer from \(host) within \(Int(timeout.timeoutSeconds)) s"
        case .cannotConnectToHost: "connection to \(host) refused"
        case .cannotFindHost, .dnsLookupFailed: "host name \(host) not found"
        case .networkConnectionLost, .badServerResponse, .zeroByteResource: "\(host) closed the connection without an answer"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateNotYetValid,
             .serverCertificateHasUnknownRoot: "TLS handshake with \(host) failed"
        default: "network error \(error.code.rawValue) reaching \(host)"
        }
    }
}
