import Foundation
import Ledger
import Testing

/// The receivables measures over HTTP: the API's months and customers, the same figures in Prometheus' gauges,
/// and a customer the ledger does not know refused with 404 and a sentence.
@Suite struct CollectionsMeasuresAPITests {
    @Test func theAPIAndTheGaugesGiveTheSameMeasures() async throws {
        try await ServedDemo.serving { demo, server in
            let reply = try await server.send("GET", "/api/v1/collections/measures", token: demo.tokens["vera"])
            #expect(reply.status == 200, "\(reply.text)")
            let report = try #require(try JSONSerialization.jsonObject(with: Data(reply.text.utf8)) as? [String: Any])
            let months = try #require(report["months"] as? [[String: Any]])
            let latest = try #require(months.last { $0["period"] as? String == report["period"] as? String })
            let aging = try #require(latest["aging"] as? [String: [String: Any]])
            let over90 = try #require(aging["over90"]?["minorUnits"] as? Int)
            #expect(!(try #require(report["customers"] as? [[String: Any]])).isEmpty)

            let metrics = try await server.send("GET", "/metrics", token: demo.tokens["vera"]).text
            #expect(metrics.contains("closer_receivables_aging_minor_units{bucket=\"90+\",source=\"\(demo.source.text)\"} \(over90)"), "\(metrics)")
            if let dso = latest["dsoDays"] as? NSNumber {
                #expect(metrics.contains("closer_receivables_dso_days{source=\"\(demo.source.text)\"} \(dso)"))
            }

            let unknown = try await server.send("GET", "/api/v1/collections/measures?customer=987654", token: demo.tokens["vera"])
            #expect(unknown.status == 404 && unknown.text.contains("has no posted customer invoice"), "\(unknown.text)")
        }
    }
}
