public import LoopbackHTTP
public import Foundation
import OdooRPC

/// What goes wrong between Closer and Odoo while Odoo performs a write. In every kind Odoo has done
/// the write: only its answer is lost, late, wrong or cut, or Odoo goes away right after it.
public enum FaultKind: String, CaseIterable, Sendable, CustomStringConvertible {
    /// The connection closes before the answer arrives.
    case answerLost = "answer lost"
    /// The answer comes after the client gave up waiting.
    case timeout
    /// A gateway in front of Odoo answers 502.
    case serverError = "5xx"
    /// The answer is cut off part-way.
    case truncatedBody = "truncated body"
    /// Odoo restarts: the answer is lost and connections are refused for a while, longer than the client retries.
    case restart

    public var description: String { rawValue }
}

/// A loopback proxy in front of an Odoo (the fake's handler, or a real server's URL) that lets
/// every call through except the `strikeAt`-th write (1-based), on which it injects `kind`. With
/// `strikeAt` nil it only counts, which is how a test learns how many writes a clean run makes.
public final class FaultProxy: @unchecked Sendable {
    public let kind: FaultKind
    public let strikeAt: Int?
    /// How long a restart keeps connections refused.
    public let outage: Double
    /// How long a timeout holds the answer back (past the client's timeout).
    public let delay: Double
    private let upstream: LoopbackServer.Handler
    private let state = NSLock()
    private var writes: [String] = []
    private var server: LoopbackServer?
    private var down = false
    private var isArmed = true

    /// Writes count towards `strikeAt` only while armed (a test seeds through the proxy disarmed).
    public var armed: Bool {
        get { state.lock(); defer { state.unlock() }; return isArmed }
        set { state.lock(); isArmed = newValue; state.unlock() }
    }
    public private(set) var port: UInt16 = 0

    public init(kind: FaultKind, strikeAt: Int?, outage: Double = 0.6, delay: Double = 1.6, upstream: @escaping LoopbackServer.Handler) throws {
        self.kind = kind
        self.strikeAt = strikeAt
        self.outage = outage
        self.delay = delay
        self.upstream = upstream
        try start()
    }

    /// A proxy to a real Odoo at `base`.
    public convenience init(kind: FaultKind, strikeAt: Int?, delay: Double = 1.6, forwardingTo base: URL) throws {
        try self.init(kind: kind, strikeAt: strikeAt, delay: delay) { LoopbackServer.forward($0, to: base) }
    }

    public var url: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// The writes that passed, "model.method", in order.
    public var writesSeen: [String] {
        state.lock(); defer { state.unlock() }
        return writes
    }

    public var struck: Bool { strikeAt.map { writesSeen.count >= $0 } ?? false }

    public func stop() {
        state.lock(); defer { state.unlock() }
        server?.stop()
        server = nil
    }

    /// Waits until a restart is over, so the next run meets an Odoo that is up.
    public func waitUntilUp() async {
        while isDown { try? await Task.sleep(for: .milliseconds(20)) }
    }

    private var isDown: Bool {
        state.lock(); defer { state.unlock() }
        return down
    }

    private func start() throws {
        // The stopped listener closes asynchronously: retry the bind for a moment.
        for attempt in 0..<100 {
            do {
                let server = try LoopbackServer(port: port) { [self] request in handle(request) }
                state.lock()
                self.server = server
                port = server.port
                down = false
                state.unlock()
                return
            } catch where attempt < 99 {
                Thread.sleep(forTimeInterval: 0.01)
            }
        }
    }

    private func handle(_ request: LoopbackServer.Request) -> LoopbackServer.Action {
        guard let call = Self.ormCall(request.body), !OdooAccessPolicy.readMethods.contains(call.method) else { return upstream(request) }
        state.lock()
        guard isArmed else { state.unlock(); return upstream(request) }
        writes.append("\(call.model).\(call.method)")
        let strike = writes.count == strikeAt
        state.unlock()
        let answer = upstream(request)
        guard strike else { return answer }
        switch kind {
        case .answerLost: return .close
        case .timeout: return .delay(seconds: delay, then: answer)
        case .serverError: return .respond(status: 502, contentType: "text/html", body: Array("<html><body>502 Bad Gateway</body></html>".utf8))
        case .truncatedBody:
            guard case .respond(_, _, let body) = answer else { return .close }
            return .truncated(body: body, sent: body.count / 2)
        case .restart:
            goDown()
            return .close
        }
    }

    /// Stops listening now and listens again after the outage, on the same port.
    private func goDown() {
        state.lock()
        down = true
        let current = server
        server = nil
        state.unlock()
        current?.stop()
        Thread { [self] in
            Thread.sleep(forTimeInterval: outage)
            try? start()
        }.start()
    }

    /// The model and method of an `execute_kw` call, in XML-RPC or JSON-RPC; nil for other calls.
    public static func ormCall(_ body: [UInt8]) -> (model: String, method: String)? {
        if body.first == UInt8(ascii: "{") {
            guard let params = (try? OdooWire.decodeJSON(body))?["params"], params["method"]?.stringValue == "execute_kw",
                  let args = params["args"]?.arrayValue, args.count > 4, let model = args[3].stringValue, let method = args[4].stringValue else { return nil }
            return (model, method)
        }
        let text = String(decoding: body, as: UTF8.self)
        guard text.contains("<methodName>execute_kw</methodName>") else { return nil }
        let strings = text.components(separatedBy: "<string>").dropFirst().map { $0.components(separatedBy: "</string>")[0] }
        return strings.count > 3 ? (strings[2], strings[3]) : nil
    }
}
