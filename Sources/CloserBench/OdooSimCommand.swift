import Foundation
import Ledger
import OdooSimulator

/// `closer-bench odoo-sim`: serves simulated Odoo databases on loopback until interrupted, for pulls and closes
/// at scale from other processes (`closer pull --url … --db tenant001 --user admin --password admin`).
///   closer-bench odoo-sim --tenants 200 --lines 20000 --port 8169 --latency-ms 30 [--record-us 20] [--workers 4]
///                         [--bad-gateway-rate 0.01] [--drop-rate 0] [--seed 42] [--generate]
/// `--generate` builds every database before announcing the URL (else each is generated when first named).
enum OdooSimCommand {
    static let usage = "usage: closer-bench odoo-sim [--tenants N] [--lines N] [--port P] [--latency-ms MS] [--record-us US] [--workers N] "
        + "[--bad-gateway-rate R] [--drop-rate R] [--seed S] [--generate]"

    static func run(_ arguments: [String]) throws -> Never {
        var options: [String: String] = [:]
        var generate = false
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            if flag == "--generate" { generate = true; continue }
            guard flag.hasPrefix("--"), let value = rest.popFirst() else { fail("\(flag) needs a value") }
            options[String(flag.dropFirst(2))] = value
        }
        let known: Set = ["tenants", "lines", "port", "latency-ms", "record-us", "workers", "bad-gateway-rate", "drop-rate", "seed"]
        if let unknown = options.keys.first(where: { !known.contains($0) }) { fail("unknown option --\(unknown)") }
        func number<T: LosslessStringConvertible>(_ name: String, _ fallback: T) -> T {
            guard let text = options[name] else { return fallback }
            guard let value = T(text) else { fail("--\(name) takes a number, not '\(text)'") }
            return value
        }
        let configuration = SimulatorConfiguration(
            tenants: number("tenants", 1), linesPerTenant: options["lines"].map { _ in number("lines", 20_000) }, seed: number("seed", UInt64(42)),
            latencyPerCall: .microseconds(Int(number("latency-ms", 0.0) * 1000)), latencyPerRecord: .microseconds(number("record-us", 0)),
            badGatewayRate: number("bad-gateway-rate", 0.0), dropRate: number("drop-rate", 0.0), workers: number("workers", 4))
        let simulator = try OdooSimulator(configuration, port: number("port", UInt16(8169)))
        if generate {
            let started = ContinuousClock.now
            for name in simulator.databaseNames { _ = simulator.database(name) }
            say(String(format: "generated %d databases in %.1f s, peak RSS %@ MB", simulator.databaseNames.count, (ContinuousClock.now - started).seconds,
                       CheckBenchmark.peakRSSMegabytes().map(String.init) ?? "?"))
        }
        let names = simulator.databaseNames
        say("simulated Odoo 18 at \(simulator.url.absoluteString) (XML-RPC and JSON-RPC; login admin, password admin)")
        say("databases: \(names.count <= 6 ? names.joined(separator: ", ") : "\(names[0]), \(names[1]) … \(names[names.count - 1]) (\(names.count))")")
        say("serving until interrupted (Ctrl-C)")
        while true { Thread.sleep(forTimeInterval: 3600) }
    }

    /// Unbuffered, so a script reading the pipe sees the URL while the server runs.
    static func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("closer-bench odoo-sim: \(message)\n\(usage)\n".utf8))
        exit(2)
    }
}
