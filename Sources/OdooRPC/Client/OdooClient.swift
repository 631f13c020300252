import Foundation
public import Logging

/// A connection to one Odoo database as one user, over any of the three protocols.
///
/// Authenticates at most once for its whole life (Odoo hashes the password on every `authenticate`, which is
/// the slowest call of a run), not at all when a login memory knows the uid from an earlier run, and asks the
/// server's version once; keeps at most
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
    /// The uid an earlier run authenticated, used until Odoo refuses it (then the client authenticates).
    private let rememberedUID: Locked<Int?>
    private let loginMemory: (any OdooLoginMemory)?
    private let serverVersion = Once<OdooServerVersion>()
    private let gate: CallGate

    public init(
        endpoint: OdooEndpoint, options: OdooClientOptions = .init(), access: OdooAccessPolicy = .readWrite,
        transport: any HTTPTransport = URLSessionTransport(), logger: Logger = Logger(label: "closer.odoo"),
        loginMemory: (any OdooLoginMemory)? = nil
    ) {
        self.endpoint = endpoint
        self.loginMemory = loginMemory
        self.rememberedUID = Locked(loginMemory?.rememberedUID(for: endpoint))
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

    /// The user id: remembered from an earlier run, or authenticated once per client (concurrent first calls
    /// share one request); wrong credentials give `OdooError.accessDenied`.
    @discardableResult
    public func authenticate() async throws -> Int {
        if let remembered = rememberedUID.withLock({ $0 }) { return remembered }
        return try await uid.value { [self] in
            let value = try await perform(.authenticate, uid: nil, idempotent: true)
            guard let uid = value.int, uid > 0 else {
                throw OdooError.accessDenied(login: endpoint.login, database: endpoint.database)
            }
            loginMemory?.remember(uid: uid, for: endpoint)
            return uid
        }
    }

    /// Authenticates now if the uid in use was only remembered: for when the database may have been replaced
    /// under the same name (its modules changed), where a remembered uid could name another user.
    public func confirmLogin() async throws {
        guard forgetRemembered() != nil else { return }
        try await authenticate()
    }

    /// Drops the remembered uid (here and in the memory); returns what it was.
    @discardableResult
    private func forgetRemembered(ifItIs expected: Int? = nil) -> Int? {
        let dropped = rememberedUID.withLock { current -> Int? in
            guard let value = current, expected == nil || expected == value else { return nil }
            current = nil
            return value
        }
        if dropped != nil { loginMemory?.forget(endpoint) }
        return dropped
    }

    /// Calls `model.method(*args, **kwargs)`. `idempotent` decides whether a failure that
    /// may have reached the server can be retried.
    public func execute(
        _ model: String, _ method: String, _ args: [RPCValue] = [], _ kwargs: RPCStruct = [:], idempotent: Bool
    ) async throws -> RPCValue {
        try await asAuthorizedUser(model, method) { uid in
            try await perform(.model(model: model, method: method, args: args, kwargs: kwargs), uid: uid, idempotent: idempotent)
        }
    }

    /// For methods that return None (e.g. `account.move.line.reconcile`): Odoo's XML-RPC
    /// cannot marshal None and faults *after* the side effect happened, so that fault means
    /// success. Never retried, since a resend could apply the change twice.
    @discardableResult
    public func callReturningNothing(
        _ model: String, _ method: String, _ args: [RPCValue] = [], _ kwargs: RPCStruct = [:]
    ) async throws -> RPCValue {
        try await asAuthorizedUser(model, method) { uid in
            do {
                return try await perform(
                    .model(model: model, method: method, args: args, kwargs: kwargs), uid: uid, idempotent: false, retry: .singleAttempt)
            } catch let error as OdooError {
                if case .serverFault(_, let message) = error, message.contains("cannot marshal None") { return .null }
                throw error
            }
        }
    }

    /// Checks the access policy first (a refused call must not even authenticate), then calls as the user. When
    /// Odoo refuses a remembered uid, it authenticates and calls once more: Odoo checks the uid and password
    /// before it runs the method, so the refused call did nothing.
    private func asAuthorizedUser(_ model: String, _ method: String, _ call: (Int) async throws -> RPCValue) async throws -> RPCValue {
        try access.authorize(model: model, method: method)
        let remembered = rememberedUID.withLock { $0 }
        let uid = if let remembered { remembered } else { try await authenticate() }
        do {
            return try await call(uid)
        } catch OdooError.accessDenied where remembered != nil {
            forgetRemembered(ifItIs: uid)
            logger.info("odoo refused the remembered uid; authenticating", metadata: ["database": "\(endpoint.database)"])
            return try await call(try await authenticate())
        }
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
