public import Foundation
import LoopbackHTTP
import OdooRPC

/// A simulated Odoo 18 on loopback for scale runs: several databases, each a generated company served
/// read-only over XML-RPC and JSON-RPC, with configurable latency, faults and a cap on calls served at once.
/// Log in as admin / admin to any of `databaseNames`.
public final class OdooSimulator: @unchecked Sendable {
    public let configuration: SimulatorConfiguration
    private let tenants: TenantRegistry
    private let faults: FaultPlan
    private let pool: WorkerPool
    private var server: LoopbackServer?
    private let lock = NSLock()
    private var counts = SimulatorCounts()

    /// Listens on `port` (0: any free port) at once; databases are generated when first named.
    public init(_ configuration: SimulatorConfiguration, port: UInt16 = 0) throws {
        self.configuration = configuration
        tenants = TenantRegistry(configuration: configuration)
        faults = FaultPlan(badGatewayRate: configuration.badGatewayRate, dropRate: configuration.dropRate, seed: configuration.faultSeed)
        pool = WorkerPool(workers: configuration.workers)
        server = try LoopbackServer(port: port, keepingRequests: false) { [unowned self] request in handle(request) }
    }

    public var url: URL { URL(string: "http://127.0.0.1:\(port)")! }
    public var port: UInt16 { server?.port ?? 0 }
    public var databaseNames: [String] { configuration.databaseNames }

    /// The database behind a name, generated now if it was not yet (tests compare it with what a pull stored).
    public func database(_ name: String) -> SimulatedDatabase? { tenants.database(name) }

    /// What was served so far.
    public var served: SimulatorCounts {
        lock.lock(); defer { lock.unlock() }
        var counts = counts
        counts.mostAtOnce = pool.mostAtOnce
        return counts
    }

    public func stop() {
        server?.stop()
        server = nil
    }

    private func handle(_ request: LoopbackServer.Request) -> LoopbackServer.Action {
        lock.lock()
        counts.requests += 1
        let number = counts.requests
        lock.unlock()
        switch faults.fault(forCall: number) {
        case .badGateway?:
            count { $0.badGateways += 1 }
            return .respond(status: 502, contentType: "text/html", body: Array("<html><body>502 Bad Gateway</body></html>".utf8))
        case .dropped?:
            count { $0.dropped += 1 }
            return .close
        case nil:
            return pool.serve {
                let started = ContinuousClock.now
                var records = 0
                let action = OdooServiceCall.serve(request) { call in
                    let (result, carried) = try answer(call)
                    records = carried
                    return result
                }
                let cost = configuration.latencyPerCall + configuration.latencyPerRecord * records
                let left = cost - (ContinuousClock.now - started)
                if left > .zero { Thread.sleep(forTimeInterval: Double(left.components.seconds) + Double(left.components.attoseconds) / 1e18) }
                return action
            }
        }
    }

    private func answer(_ call: OdooServiceCall) throws -> (RPCValue, records: Int) {
        switch (call.service, call.method) {
        case ("common", "version"):
            return (OdooServiceCall.odoo18Version, 0)
        case ("common", "authenticate"):
            guard call.args.count >= 3, let name = call.args[0].stringValue else { throw OdooServerFault.accessDenied }
            guard tenants.database(name) != nil else { throw Self.noDatabase(name) }
            let valid = call.args[1].stringValue == SimulatorConfiguration.login && call.args[2].stringValue == SimulatorConfiguration.password
            return (valid ? RPCValue(ReferenceModels.adminUID) : false, 0)
        case ("object", "execute_kw"):
            guard let kw = call.executeKW else { throw OdooServerFault.user("execute_kw needs database, uid, password, model, method and arguments") }
            guard let database = tenants.database(kw.database) else { throw Self.noDatabase(kw.database) }
            guard kw.uid == ReferenceModels.adminUID, kw.password == SimulatorConfiguration.password else { throw OdooServerFault.accessDenied }
            let (result, records) = try database.execute(kw.model, kw.method, kw.args, kw.kwargs)
            count {
                $0.calls["\(kw.model).\(kw.method)", default: 0] += 1
                $0.records += records
            }
            return (result, records)
        default:
            throw OdooServerFault(exceptionName: "builtins.NotImplementedError", message: "The simulated Odoo does not serve \(call.service).\(call.method).")
        }
    }

    /// What Odoo answers when the database named in a call does not exist (psycopg2's message, which clients recognise).
    static func noDatabase(_ name: String) -> OdooServerFault {
        OdooServerFault(exceptionName: "psycopg2.OperationalError", message: "connection to server failed: FATAL:  database \"\(name)\" does not exist")
    }

    private func count(_ change: (inout SimulatorCounts) -> Void) {
        lock.lock(); defer { lock.unlock() }
        change(&counts)
    }
}

/// Calls a simulated Odoo served, faults it injected and records it returned.
public struct SimulatorCounts: Sendable {
    /// HTTP requests received, faulted ones included.
    public var requests = 0
    /// ORM calls answered, by "model.method".
    public var calls: [String: Int] = [:]
    public var badGateways = 0
    public var dropped = 0
    /// Records returned by read and search_read.
    public var records = 0
    /// The most calls in service at the same time (never above the configured workers).
    public var mostAtOnce = 0
}
