import Foundation
public import Logging

/// A connection to one Odoo database as one user, over any of the three protocols.
///
/// Authenticates once for its whole life (Odoo hashes the password on every `authenticate`, which is
/// the slowest call of a run) and asks the server's version once; keeps at most
/// `options.maxConcurrentCalls` calls in flight; retries transient failures with backoff, but
/// resends a non-idempotent call only when Odoo provably did not apply it. A client built with
/// `access: .readOnly` refuses every ORM method that may write, before anything is sent.
public final class OdooClient: Sendable {
    public let endpoint: OdooEndpoint
    public let options: OdooClientOptions
    public let access: OdooAccessPolicy
    let transport: any HTTPTransport
    let logger: Logger
    private let codec: any RPCProtocolCodec
    private let uid = Once<Int>()
    private let serverVersion = Once<OdooServerVersion>()
    private let gate: CallGate

    public init(
        endpoint: OdooEndpoint, options: OdooClientOptions = .init(), access: OdooAccessPolicy = .readWrite,
        transport: any HTTPTransport = URLSessionTransport(), logger: Logger = Logger(label: "closer.odoo")
    ) {
        self.endpoint = endpoint
        self.options = options
        self.access = access
        self.transport = transport
        self.logger = logger
        self.codec = endpoint.rpcProtocol.codec(for: endpoint)
        self.gate = CallGate(limit: options.maxConcurrentCalls)
    }

    /// The server's version, asked once per client.
    public func version() async throws -> OdooServerVersion {
        try await serverVersion.value { [self] in
            let value = try await perform(.version, uid: nil, idempotent: true)
            guard let version = OdooServerVersion(value) else {
                throw OdooError.malformedResponse("expected a version with server_version, got \(value)")
            }
            return version
        }
    }

    /// The user id, authenticated once per client (concurrent first calls share one request); wrong
    /// credentials give `OdooError.accessDenied`.
    @discardableResult
    public func authenticate() async throws -> Int {
        try await uid.value { [self] in
            let value = try await perform(.authenticate, uid: nil, idempotent: true)
            guard let uid = value.int, uid > 0 else {
                throw OdooError.accessDenied(login: endpoint.login, database: endpoint.database)
            }
            return uid
        }
    }

    /// Calls `model.method(*args, **kwargs)`. `idempotent` decides whether a failure that
    /// may have reached the server can be retried.
    public func execute(
        _ model: String, _ method: String, _ args: [RPCValue] = [], _ kwargs: RPCStruct = [:], idempotent: Bool
    ) async throws -> RPCValue {
        let uid = try await authorizedUID(model, method)
        return try await perform(.model(model: model, method: method, args: args, kwargs: kwargs), uid: uid, idempotent: idempotent)
    }

    /// For methods that return None (e.g. `account.move.line.reconcile`): Odoo's XML-RPC
    /// cannot marshal None and faults *after* the side effect happened, so that fault means
    /// success. Never retried, since a resend could apply the change twice.
    @discardableResult
    public func callReturningNothing(
        _ model: String, _ method: String, _ args: [RPCValue] = [], _ kwargs: RPCStruct = [:]
    ) async throws -> RPCValue {
        let uid = try await authorizedUID(model, method)
        do {
            return try await perform(
                .model(model: model, method: method, args: args, kwargs: kwargs), uid: uid, idempotent: false, retry: .singleAttempt)
        } catch let error as OdooError {
            if case .serverFault(_, let message) = error, message.contains("cannot marshal None") { return .null }
            throw error
        }
    }

    /// Checks the access policy first: a refused call must not even authenticate.
    private func authorizedUID(_ model: String, _ method: String) async throws -> Int {
        try access.authorize(model: model, method: method)
        return try await authenticate()
    }

    func perform(_ call: RPCCall, uid: Int?, idempotent: Bool, retry: RetryPolicy? = nil) async throws -> RPCValue {
        let policy = retry ?? options.retry
        var attempt = 1
        while true {
            let started = ContinuousClock.now
            do {
                let request = try codec.request(for: call, uid: uid, timeout: options.timeout)
                let response = try await gate.run { try await transport.post(request) }
                let value = try codec.decode(response, for: call)
                options.observer?.odooCall(call.label, seconds: (ContinuousClock.now - started).seconds, error: nil)
                logger.debug("odoo call", metadata: [
                    "call": "\(call.label)", "protocol": "\(endpoint.rpcProtocol.rawValue)", "attempt": "\(attempt)",
                    "bytes": "\(response.body.count)", "ms": "\((ContinuousClock.now - started).milliseconds)",
                ])
                return value
            } catch let error as OdooError {
                options.observer?.odooCall(call.label, seconds: (ContinuousClock.now - started).seconds, error: error)
                guard attempt < policy.maxAttempts, Self.mayRetry(error, idempotent: idempotent) else {
                    logger.debug("odoo call failed", metadata: ["call": "\(call.label)", "error": "\(error)"])
                    throw error
                }
                let delay = policy.delay(after: attempt)
                logger.warning("retrying odoo call", metadata: [
                    "call": "\(call.label)", "attempt": "\(attempt)", "delay_ms": "\(delay.milliseconds)", "error": "\(error)",
                ])
                try await Task.sleep(for: delay)
                attempt += 1
            }
        }
    }

    /// Reads retry any transient failure; writes only when Odoo cannot have applied them:
    /// the connection was refused, or Odoo rolled back on a serialization failure.
    static func mayRetry(_ error: OdooError, idempotent: Bool) -> Bool {
        guard error.isTransient else { return false }
        if idempotent || error.neverReachedServer { return true }
        if case .serverFault(let code, _) = error { return code == OdooError.serializationFailureCode }
        return false
    }
}

extension Duration {
    var milliseconds: Int64 {
        let parts = components
        return parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000
    }
}
