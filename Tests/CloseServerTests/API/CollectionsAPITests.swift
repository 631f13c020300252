import CloseStore
import Foundation
import Ledger
import Testing

/// Collections over HTTP on the served demo (no Odoo configured, so nothing is sent): the worklist ranked by cash at
/// risk with exact decimal money; reminders drafted by a preparer, a controller-signed level refused to a collector
/// and approved by a controller; promises and disputes recorded and listed; bad input refused with a sentence.
@Suite struct CollectionsAPITests {
    static func objects(_ reply: TestServer.Reply, _ key: String) throws -> [[String: Any]] {
        #expect(reply.status == 200, "\(reply.text)")
        return try #require(try reply.json()[key] as? [[String: Any]])
    }

    static func decimal(_ value: Any?) throws -> Decimal {
        let text = try #require(value as? String)
        #expect(text.wholeMatch(of: /-?[0-9]+\.[0-9]{2}/) != nil, "money as exact decimal text: \(text)")
        return try #require(Decimal(string: text))
    }

    @Test func theWorklistIsRankedByCashAtRiskWithExactMoneyAndReasons() async throws {
        try await ServedDemo.serving { demo, server in
            #expect(try await server.send("GET", "/api/v1/collections/worklist").status == 401)
            let reply = try await server.send("GET", "/api/v1/collections/worklist?limit=25&asOf=\(demo.period.end)", token: demo.tokens["vera"])
            let entries = try Self.objects(reply, "entries")
            let report = try reply.json()
            let openInvoices = try #require(report["openInvoices"] as? Int)
            #expect(openInvoices >= 5 && entries.count == min(25, openInvoices), "\(openInvoices) open, \(entries.count) listed")
            #expect(report["asOf"] as? String == demo.period.end.description)
            let atRisk = try entries.map { try Self.decimal($0["cashAtRisk"]) }
            #expect(atRisk == atRisk.sorted(by: >), "cash at risk descending")
            #expect(try Self.decimal(report["cashAtRisk"]) >= atRisk.reduce(0, +))
            for entry in entries {
                let open = try Self.decimal(entry["open"])
                let basisPoints = try #require(entry["probabilityBasisPoints"] as? Int)
                #expect((0...10_000).contains(basisPoints) && entry["probability"] as? String == String(format: "%d.%04d", basisPoints / 10_000, basisPoints % 10_000))
                // Cash at risk is the open amount weighted by the probability, to the cent.
                let expected = open * Decimal(basisPoints) / 10_000
                #expect(abs(NSDecimalNumber(decimal: try Self.decimal(entry["cashAtRisk"]) - expected).doubleValue) <= 0.01)
                #expect(!(entry["reason"] as? String ?? "").isEmpty && entry["fromPrior"] is Bool && entry["predictedPayDate"] is String)
            }
            let bad = try await server.send("GET", "/api/v1/collections/worklist?limit=0", token: demo.tokens["vera"])
            #expect(bad.status == 400 && bad.text.contains("'limit' must be a whole number"))
        }
    }

    @Test func aControllerSignedReminderIsRefusedToACollectorAndApprovedByAController() async throws {
        try await ServedDemo.serving { demo, server in
            let draftPath = "/api/v1/collections/reminders/draft?asOf=\(demo.period.end)"
            let refused = try await server.post(draftPath, token: demo.tokens["vera"], json: "")
            #expect(refused.status == 403, "a viewer does not draft")
            let drafted = try await server.post(draftPath, token: demo.tokens["paul"], json: "")
            let reminders = try Self.objects(drafted, "reminders")
            #expect(try !reminders.isEmpty && drafted.json()["writes"] as? Bool == false)
            #expect(try Self.objects(try await server.send("GET", "/api/v1/collections/reminders", token: demo.tokens["vera"]), "reminders").count == reminders.count)

            let final = try #require(reminders.first { $0["signedBy"] as? String == "controller" })
            let id = try #require(final["id"] as? Int)
            #expect((final["letter"] as? String)?.contains("Financial Controller") == true)
            _ = try Self.decimal(final["total"])
            let byCollector = try await server.post("/api/v1/collections/reminders/\(id)/approve", token: demo.tokens["anna"], json: "{}")
            #expect(byCollector.status == 403 && byCollector.errorCode == "policy_refused" && byCollector.text.contains("a controller approves them"),
                    "\(byCollector.text)")
            #expect(try demo.store.reminder(id: Int64(id)).status == .drafted)
            let byController = try await server.post("/api/v1/collections/reminders/\(id)/approve", token: demo.tokens["carl"], json: #"{"note":"final notice"}"#)
            #expect(byController.status == 200, "\(byController.text)")
            #expect(try byController.json()["status"] as? String == "approved")
            #expect(try demo.store.reminder(id: Int64(id)).decision?.by == "carl")
            let again = try await server.post("/api/v1/collections/reminders/\(id)/approve", token: demo.tokens["carl"], json: "{}")
            #expect(again.status == 409 && again.text.contains("not waiting for a decision"))

            let friendly = try #require(reminders.first { $0["signedBy"] as? String == "collector" }?["id"] as? Int)
            let noReason = try await server.post("/api/v1/collections/reminders/\(friendly)/reject", token: demo.tokens["anna"], json: #"{"reason":" "}"#)
            #expect(noReason.status == 422 && noReason.text.contains("why the reminder is rejected"), "\(noReason.text)")
            let rejected = try await server.post("/api/v1/collections/reminders/\(friendly)/reject", token: demo.tokens["anna"],
                                                 json: #"{"reason":"customer in administration"}"#)
            #expect(try rejected.status == 200 && rejected.json()["status"] as? String == "rejected")
            let unknown = try await server.post("/api/v1/collections/reminders/987654/approve", token: demo.tokens["carl"], json: "{}")
            #expect(unknown.status == 404 && unknown.text.contains("No reminder 987654"))

            let metrics = try await server.send("GET", "/metrics", token: demo.tokens["vera"]).text
            let waiting = reminders.count - 2
            #expect(metrics.contains("closer_receivables_reminders{status=\"drafted\"} \(waiting)")
                    && metrics.contains("closer_receivables_reminders{status=\"approved\"} 1")
                    && metrics.contains("closer_receivables_reminders{status=\"rejected\"} 1"), "\(metrics)")
        }
    }

    @Test func promisesAndDisputesAreRecordedListedAndBadInputIsRefusedWithASentence() async throws {
        try await ServedDemo.serving { demo, server in
            let worklist = try Self.objects(try await server.send("GET", "/api/v1/collections/worklist?limit=5", token: demo.tokens["vera"]), "entries")
            let first = worklist[0], second = worklist[1]
            let customer = try #require(first["customerID"] as? Int), invoice = try #require(second["invoiceID"] as? Int)
            let promised = try await server.post("/api/v1/collections/promises", token: demo.tokens["paul"],
                                                 json: #"{"customer":\#(customer),"date":"2099-01-15","amount":"10.50","note":"CFO on the phone"}"#)
            #expect(promised.status == 201, "\(promised.text)")
            #expect(try promised.json()["amount"] as? String == "10.50" && promised.json()["status"] as? String == "open")
            let promises = try Self.objects(try await server.send("GET", "/api/v1/collections/promises", token: demo.tokens["vera"]), "promises")
            #expect(promises.map { $0["customerID"] as? Int } == [customer] && promises[0]["note"] as? String == "CFO on the phone")

            let disputed = try await server.post("/api/v1/collections/disputes", token: demo.tokens["anna"],
                                                 json: #"{"invoice":\#(invoice),"reason":"goods arrived damaged"}"#)
            #expect(disputed.status == 201, "\(disputed.text)")
            let disputeID = try #require(try disputed.json()["id"] as? Int)
            let disputes = try Self.objects(try await server.send("GET", "/api/v1/collections/disputes", token: demo.tokens["vera"]), "disputes")
            #expect(disputes.map { $0["invoiceID"] as? Int } == [invoice])
            let ranked = try Self.objects(try await server.send("GET", "/api/v1/collections/worklist?limit=5", token: demo.tokens["vera"]), "entries")
            #expect(ranked.first { $0["invoiceID"] as? Int == invoice }?["dispute"] as? String == "goods arrived damaged")
            let twice = try await server.post("/api/v1/collections/disputes", token: demo.tokens["anna"], json: #"{"invoice":\#(invoice),"reason":"again"}"#)
            #expect(twice.status == 409 && twice.text.contains("already disputed"))
            let resolved = try await server.post("/api/v1/collections/disputes/\(disputeID)/resolve", token: demo.tokens["anna"],
                                                 json: #"{"resolution":"credit note for the damaged part"}"#)
            #expect(try resolved.status == 200 && resolved.json()["status"] as? String == "resolved")
            #expect(try Self.objects(try await server.send("GET", "/api/v1/collections/disputes", token: demo.tokens["vera"]), "disputes").isEmpty)

            let audit = try demo.store.auditEvents().filter { $0.outcome != "refused" }.count
            let refusals: [(String, Int, String)] = [
                (#"{"customer":\#(customer),"date":"2099-01-15","amount":"abc"}"#, 422, "'abc' is not a decimal amount"),
                (#"{"customer":987654,"date":"2099-01-15"}"#, 422, "Customer 987654 has no open invoice"),
                (#"{"customer":\#(customer),"date":"15/01/2099"}"#, 422, "write the day the customer promised to pay by as YYYY-MM-DD"),
                (#"{"customer":\#(customer),"date":"2099-01-15","amount":"-5"}"#, 422, "must be more than zero"),
                (#"{"customer":\#(customer),"date":"2099-01-15","invoices":[987654]}"#, 422, "Invoice 987654 is not an open invoice"),
                (#"{"customer":\#(customer),"when":"2099-01-15"}"#, 400, "fields this endpoint does not take (when)"),
            ]
            for (body, status, sentence) in refusals {
                let reply = try await server.post("/api/v1/collections/promises", token: demo.tokens["paul"], json: body)
                #expect(reply.status == status && reply.text.contains(sentence), "\(body): \(reply.text)")
            }
            let notAnInvoice = try await server.post("/api/v1/collections/disputes", token: demo.tokens["anna"], json: #"{"invoice":987654,"reason":"?"}"#)
            #expect(notAnInvoice.status == 422 && notAnInvoice.text.contains("is not a posted customer invoice"))
            let viewer = try await server.post("/api/v1/collections/promises", token: demo.tokens["vera"], json: #"{"customer":\#(customer),"date":"2099-01-15"}"#)
            #expect(viewer.status == 403)
            #expect(try demo.store.auditEvents().filter { $0.outcome != "refused" }.count == audit, "nothing half-written")
            #expect(try demo.store.promises().count == 1)

            let metrics = try await server.send("GET", "/metrics", token: demo.tokens["vera"]).text
            #expect(metrics.contains("closer_receivables_promises{status=\"open\"} 1") && metrics.contains("closer_receivables_promises{status=\"broken\"} 0"))
        }
    }
}
