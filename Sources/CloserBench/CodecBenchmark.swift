import Foundation
import Ledger
import OdooRPC

/// Decoding speed of the XML-RPC and JSON-RPC codecs on a ~10 MB search_read response
/// built from the recorded account.move.line transcripts.
enum CodecBenchmark {
    struct Result: Sendable {
        var name: String
        var bytes: Int
        var records: Int
        var medianSeconds: Double
        var megabytesPerSecond: Double { Double(bytes) / 1_000_000 / medianSeconds }
        var recordsPerSecond: Double { Double(records) / medianSeconds }
    }

    static let xmlPath = "/tmp/closer-bench-lines.xml"
    static let jsonPath = "/tmp/closer-bench-lines.json"

    /// Builds the payloads (written to /tmp for the Python comparison), decodes each
    /// `runs` times and reports the median, then has Python decode the same bytes the same number of times
    /// (`pythonScript`, when python3 is there) and reports the ratio.
    static func run(transcripts: URL, pythonScript: URL, targetBytes: Int = 10_000_000, runs: Int = 5,
                    report: (String) -> Void = { print($0) }) throws -> [Result] {
        let xml = try xmlPayload(transcripts.appendingPathComponent("xmlrpc-06-search-read-lines.response.xml"), targetBytes: targetBytes)
        let json = try jsonPayload(transcripts.appendingPathComponent("jsonrpc-04-search-read-lines.response.json"), targetBytes: targetBytes)
        try Data(xml.body).write(to: URL(fileURLWithPath: xmlPath))
        try Data(json.body).write(to: URL(fileURLWithPath: jsonPath))
        let results = [
            try measure("XML-RPC search_read", xml.body, records: xml.records, runs: runs) { try OdooWire.decodeXMLRPCResponse($0) },
            try measure("JSON-RPC search_read", json.body, records: json.records, runs: runs) { try OdooWire.decodeJSONRPCResponse($0) },
        ]
        for result in results {
            report(String(
                format: "%@: %.1f MB in %.1f ms (median of %d) = %.1f MB/s, %.0f records/s",
                result.name, Double(result.bytes) / 1_000_000, result.medianSeconds * 1000, runs,
                result.megabytesPerSecond, result.recordsPerSecond))
        }
        guard let python = PythonPeer.run(pythonScript, runs: runs) else {
            report("   peer: python3 did not run; by hand: python3 \(pythonScript.path) \(runs)")
            return results
        }
        for (result, peer) in zip(results, [python["xmlrpc"], python["json"]]) {
            guard let peer else { continue }
            report(String(format: "   vs. Python (%@, same bytes, same run): %.1f ms, %.1f MB/s — %.1f× faster", peer.name,
                          peer.medianSeconds * 1000, Double(result.bytes) / 1_000_000 / peer.medianSeconds, peer.medianSeconds / result.medianSeconds))
        }
        return results
    }

    /// Python's own decoders on the payloads, through scripts/bench_python_xmlrpc.py.
    enum PythonPeer {
        struct Figure { var name: String; var medianSeconds: Double }

        /// The script's figures by codec ("xmlrpc", "json"); nil when python3 could not run it.
        static func run(_ script: URL, runs: Int) -> [String: Figure]? {
            guard let output = PeerProcess.output(["python3", script.path, String(runs)]) else { return nil }
            let names = ["xmlrpc": "xmlrpc.client.loads", "json": "json.loads"]
            var figures: [String: Figure] = [:]
            for line in output.split(separator: "\n") {
                let fields = line.split(separator: "\t")
                guard fields.count >= 4, let seconds = Double(fields[1]) else { continue }
                figures[String(fields[0])] = Figure(name: names[String(fields[0])] ?? String(fields[0]), medianSeconds: seconds)
            }
            return figures
        }
    }

    private static func measure(
        _ name: String, _ body: [UInt8], records: Int, runs: Int, decode: ([UInt8]) throws -> RPCValue
    ) throws -> Result {
        var times: [Double] = []
        for _ in 0..<max(1, runs) {
            let start = ContinuousClock.now
            let value = try decode(body)
            let elapsed = ContinuousClock.now - start
            guard value.arrayValue?.count == records else { throw OdooError.malformedResponse("benchmark decoded the wrong record count") }
            times.append(elapsed.seconds)
        }
        return Result(name: name, bytes: body.count, records: records, medianSeconds: times.sorted()[times.count / 2])
    }

    /// Repeats the transcript's record structs, renumbering ids, until the body reaches the target size.
    private static func xmlPayload(_ url: URL, targetBytes: Int) throws -> (body: [UInt8], records: Int) {
        let text = try String(contentsOf: url, encoding: .utf8)
        let open = "<value><array><data>\n"
        let close = "</data></array></value>\n</param>"
        guard let start = text.range(of: open)?.upperBound, let end = text.range(of: close, options: .backwards)?.lowerBound else {
            throw OdooError.malformedResponse("transcript has no record array")
        }
        let records = text[start..<end].components(separatedBy: "</struct></value>\n").filter { !$0.isEmpty }
        let idPrefix = "<name>id</name>\n<value><int>"
        var body = String(text[..<start])
        var count = 0
        while body.utf8.count < targetBytes {
            for record in records {
                count += 1
                guard let idStart = record.range(of: idPrefix)?.upperBound, let idEnd = record[idStart...].range(of: "<")?.lowerBound else { continue }
                body += record[..<idStart] + String(count) + record[idEnd...] + "</struct></value>\n"
            }
        }
        body += text[end...]
        return (Array(body.utf8), count)
    }

    private static func jsonPayload(_ url: URL, targetBytes: Int) throws -> (body: [UInt8], records: Int) {
        let records = try OdooWire.decodeJSONRPCResponse([UInt8](Data(contentsOf: url))).arrayValue ?? []
        let recordBytes = OdooWire.encodeJSON(.array(records)).count
        var many: [RPCValue] = []
        let copies = max(1, targetBytes / max(1, recordBytes) + 1)
        for copy in 0..<copies {
            for (offset, record) in records.enumerated() {
                guard var fields = record.structValue else { continue }
                fields["id"] = RPCValue(copy * records.count + offset + 1)
                many.append(.structure(fields))
            }
        }
        let reply: RPCValue = ["jsonrpc": "2.0", "id": 1, "result": .array(many)]
        return (OdooWire.encodeJSON(reply), many.count)
    }
}
