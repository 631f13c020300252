public import LoopbackHTTP
public import Foundation
import OdooRPC

/// A loopback proxy in front of an Odoo that times every call it forwards: from the request fully
/// received to Odoo's answer fully received, i.e. the time Odoo spent serving it (plus a loopback hop).
/// A test reads the calls of one stretch of work with `calls(since:)`.
public final class TimingProxy: @unchecked Sendable {
    /// One forwarded call: "authenticate", "version" or "model.method", when it started and ended
    /// (seconds on the proxy's clock), and its body, so identical calls can be found.
    public struct Call: Sendable {
        public var label: String
        public var started: Double
        public var ended: Double
        public var body: [UInt8]

        public var seconds: Double { ended - started }
        /// The ORM method ("search_read"), or the service method ("authenticate").
        public var method: String { label.split(separator: ".").last.map(String.init) ?? label }
        public var model: String? { label.contains(".") ? String(label[..<label.lastIndex(of: ".")!]) : nil }
    }

    private let state = NSLock()
    private var recorded: [Call] = []
    private var server: LoopbackServer?
    private let clockStart = ContinuousClock.now

    /// A proxy to a real Odoo at `base`.
    public init(forwardingTo base: URL) throws {
        server = try LoopbackServer { [unowned self] request in
            let started = now
            let action = LoopbackServer.forward(request, to: base)
            let call = Call(label: Self.label(request.body), started: started, ended: now, body: request.body)
            state.lock(); recorded.append(call); state.unlock()
            return action
        }
    }

    public var url: URL { server!.url }

    /// Seconds since the proxy started, the clock `Call` times are on.
    public var now: Double {
        let elapsed = (ContinuousClock.now - clockStart).components
        return Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
    }

    /// Calls that started at or after `mark` (a `now` taken before the work).
    public func calls(since mark: Double) -> [Call] {
        state.lock(); defer { state.unlock() }
        return recorded.filter { $0.started >= mark }.sorted { $0.started < $1.started }
    }

    public func stop() { server?.stop() }

    /// "model.method" of an `execute_kw`, else the service method, read from an XML-RPC or JSON-RPC body.
    public static func label(_ body: [UInt8]) -> String {
        if body.first == UInt8(ascii: "{"), let params = (try? OdooWire.decodeJSON(body))?["params"] {
            let args = params["args"]?.arrayValue ?? []
            let method = params["method"]?.stringValue ?? "?"
            guard method == "execute_kw", args.count > 4, let model = args[3].stringValue, let name = args[4].stringValue else { return method }
            return "\(model).\(name)"
        }
        let text = String(decoding: body, as: UTF8.self)
        let method = text.components(separatedBy: "<methodName>").dropFirst().first?.components(separatedBy: "</methodName>").first ?? "?"
        guard method == "execute_kw" else { return method }
        // execute_kw(db, uid, password, model, method, …): the model and method are the third and fourth strings.
        let strings = text.components(separatedBy: "<string>").dropFirst().map { $0.components(separatedBy: "</string>")[0] }
        return strings.count > 3 ? "\(strings[2]).\(strings[3])" : method
    }
}

extension [TimingProxy.Call] {
    /// Odoo's serving time summed over the calls.
    public var servingSeconds: Double { reduce(0) { $0 + $1.seconds } }

    /// The time Odoo was serving at least one of the calls (the union of their intervals): below the
    /// sum when calls overlap.
    public var busySeconds: Double {
        var total = 0.0, end = -Double.infinity
        for call in sorted(by: { $0.started < $1.started }) {
            if call.started >= end {
                total += call.seconds
                end = call.ended
            } else if call.ended > end {
                total += call.ended - end
                end = call.ended
            }
        }
        return total
    }

    /// Calls sent more than once with the very same body, by label.
    public var repeated: [String] {
        var seen = Set<[UInt8]>(), twice: [String] = []
        for call in self where !seen.insert(call.body).inserted { twice.append(call.label) }
        return twice
    }

    /// Count and serving time per method, slowest first: "fields_get 17 × = 1.21 s".
    public var byMethod: [(method: String, count: Int, seconds: Double)] {
        Dictionary(grouping: self, by: \.method)
            .map { (method: $0.key, count: $0.value.count, seconds: $0.value.servingSeconds) }
            .sorted { $0.seconds > $1.seconds }
    }
}
