import CloseStore
import Foundation
import SchemaValidation
import Testing
import Treasury

/// Payment runs over the API: every role reads them with the bills left out and why; only another approver or
/// controller approves (never a preparer, nor the proposer), a rejection needs a reason, and only an approved run
/// gives its pain.001 file, which is valid against ISO's schema. Held bank accounts are listed with what releases them.
@Suite struct PaymentsAPITests {
    @Test func readersSeeRunsNewestFirstWithTheBillsLeftOutAndWhy() async throws {
        try await ServedDemo.serving { demo, server in
            let first = try SeededPaymentRuns.propose(demo.store, source: demo.source, proposer: "paul")
            let second = try SeededPaymentRuns.propose(demo.store, source: demo.source, proposer: "paul")
            #expect(try await server.send("GET", "/api/v1/payments/runs").status == 401)
            let list = try await server.send("GET", "/api/v1/payments/runs", token: demo.tokens["vera"])
            let runs = try #require(try list.json()["runs"] as? [[String: Any]])
            #expect(runs.compactMap { $0["id"] as? Int }.map(Int64.init) == [second.id, first.id], "\(list.text)")
            #expect(runs.map { $0["status"] as? String } == ["proposed", "superseded"])
            let waiting = try await server.send("GET", "/api/v1/payments/runs?status=proposed", token: demo.tokens["vera"])
            #expect(try (waiting.json()["runs"] as? [[String: Any]])?.count == 1)
            let bad = try await server.send("GET", "/api/v1/payments/runs?status=stuck", token: demo.tokens["vera"])
            #expect(bad.status == 400 && bad.text.contains("must be proposed"), "\(bad.text)")

            let one = try await server.send("GET", "/api/v1/payments/runs/\(second.id)", token: demo.tokens["vera"]).json()
            let group = try #require((one["groups"] as? [[String: Any]])?.first)
            #expect(group["total"] as? String == "1450.50" && group["currency"] as? String == "EUR" && (group["payments"] as? [Any])?.count == 2)
            let leftOut = try #require((one["leftOut"] as? [[String: Any]])?.first)
            #expect(leftOut["bill"] as? String == "BILL/3" && leftOut["amount"] as? String == "990.00")
            #expect((leftOut["reasons"] as? [String])?.contains { $0.contains("mallory") } == true, "\(leftOut)")
            #expect(one["files"] as? Int == 0, "no file before approval")
            #expect(try await server.send("GET", "/api/v1/payments/runs/999", token: demo.tokens["vera"]).status == 404)
        }
    }

    @Test func onlyAnotherApproverApprovesAndTheFileIsValidOnlyOnceApproved() async throws {
        try await ServedDemo.serving { demo, server in
            let run = try SeededPaymentRuns.propose(demo.store, source: demo.source, proposer: "anna")
            let pain = "/api/v1/payments/runs/\(run.id)/pain001"
            let early = try await server.send("GET", pain, token: demo.tokens["vera"])
            #expect(early.status == 409 && early.text.contains("cannot be written to a payment file before it is approved"), "\(early.text)")

            let approve = "/api/v1/payments/runs/\(run.id)/approve"
            let viewer = try await server.post(approve, token: demo.tokens["vera"], json: "{}")
            #expect(viewer.status == 403 && viewer.errorCode == "forbidden")
            let clerk = try await server.post(approve, token: demo.tokens["paul"], json: "{}")
            #expect(clerk.status == 403 && clerk.errorCode == "forbidden", "a preparer may not approve payments: \(clerk.text)")
            let own = try await server.post(approve, token: demo.tokens["anna"], json: "{}")
            #expect(own.status == 403 && own.errorCode == "policy_refused" && own.text.contains("anna proposed payment run #\(run.id)"), "\(own.text)")
            #expect(try demo.store.paymentRun(id: run.id).status == .proposed, "refusals change nothing")

            let approved = try await server.post(approve, token: demo.tokens["carl"], json: "{}")
            #expect(try approved.status == 200 && approved.json()["status"] as? String == "approved", "\(approved.text)")
            #expect(try approved.json()["files"] as? Int == 1)
            let again = try await server.post(approve, token: demo.tokens["carl"], json: "{}")
            #expect(try again.json()["status"] as? String == "approved", "no Odoo: approving again leaves it approved, unpaid")

            let file = try await server.send("GET", pain, token: demo.tokens["vera"])
            #expect(file.status == 200 && file.headers["content-type"]?.hasPrefix("application/xml") == true, "\(file.text)")
            #expect(file.headers["content-disposition"]?.contains("closer-run-\(run.id)-1.xml") == true)
            #expect(file.text.contains("<CtrlSum>1450.50</CtrlSum>") && file.text.contains("<IBAN>BE68539007547034</IBAN>") && !file.text.contains("BILL/3"))
            if SchemaValidator.xmllint != nil {
                let result = try SchemaValidator.validate(file.text, against: "pain.001.001.09.xsd")
                #expect(result.valid, "\(result.output)")
            }
            let missing = try await server.send("GET", pain + "?file=2", token: demo.tokens["vera"])
            #expect(missing.status == 404 && missing.text.contains("has 1 file(s)"), "\(missing.text)")
        }
    }

    @Test func aRejectionNeedsAReasonAndEndsTheRun() async throws {
        try await ServedDemo.serving { demo, server in
            let run = try SeededPaymentRuns.propose(demo.store, source: demo.source, proposer: "paul")
            let reject = "/api/v1/payments/runs/\(run.id)/reject"
            let clerk = try await server.post(reject, token: demo.tokens["paul"], json: #"{"reason":"not today"}"#)
            #expect(clerk.status == 403)
            let blank = try await server.post(reject, token: demo.tokens["anna"], json: #"{"reason":"  "}"#)
            #expect(blank.status == 400 && blank.text.contains("Give a reason"), "\(blank.text)")
            let rejected = try await server.post(reject, token: demo.tokens["anna"], json: #"{"reason":"the rent is paid by direct debit"}"#)
            let body = try rejected.json()
            #expect(rejected.status == 200 && body["status"] as? String == "rejected", "\(rejected.text)")
            #expect((body["closed"] as? [String: Any])?["reason"] as? String == "the rent is paid by direct debit")
            let approve = try await server.post("/api/v1/payments/runs/\(run.id)/approve", token: demo.tokens["carl"], json: "{}")
            #expect(approve.status == 409 && approve.text.contains("is rejected"), "\(approve.text)")
        }
    }

    @Test func heldAccountsSayWhoChangedThemAndWhatReleasesThem() async throws {
        try await ServedDemo.serving { demo, server in
            _ = try SeededPaymentRuns.propose(demo.store, source: demo.source, proposer: "paul")
            let reply = try await server.send("GET", "/api/v1/payments/bank-changes", token: demo.tokens["vera"])
            let accounts = try #require(try reply.json()["accounts"] as? [[String: Any]])
            #expect(accounts.count == 1, "\(reply.text)")
            let held = try #require(accounts.first)
            #expect(held["accountID"] as? Int == 30 && held["vendor"] as? String == "Vendor 3" && held["change"] as? String == "number-changed")
            #expect(held["changedBy"] as? [String] == ["mallory"] && held["unverified"] as? Bool == true)
            #expect((held["releasedBy"] as? String)?.contains("someone other than mallory") == true, "\(held)")
            // Verified by a second person and past the cool-off: released.
            _ = try demo.store.recordBankVerification(.init(id: 30, partnerID: 3, number: "DE89 3704 0044 0532 0130 00", trusted: true),
                                                      sourceKey: demo.source, by: "vera", channel: "call to the number on the 2024 contract")
            let after = try await server.send("GET", "/api/v1/payments/bank-changes", token: demo.tokens["vera"]).json()
            #expect((after["accounts"] as? [Any])?.isEmpty == true, "\(after)")
        }
    }

    @Test func routesThatNeedOdooSayTheServerHasNone() async throws {
        try await ServedDemo.serving { demo, server in
            let propose = try await server.post("/api/v1/payments/runs", token: demo.tokens["paul"], json: #"{"executionDate":"2026-12-08"}"#)
            #expect(propose.status == 503 && propose.errorCode == "odoo_not_configured", "\(propose.text)")
            let badDay = try await server.post("/api/v1/payments/runs", token: demo.tokens["paul"], json: #"{"executionDate":"8 Dec"}"#)
            #expect(badDay.status == 400 && badDay.text.contains("'executionDate' is not a date"), "\(badDay.text)")
            let viewer = try await server.post("/api/v1/payments/runs", token: demo.tokens["vera"], json: "{}")
            #expect(viewer.status == 403)
            let verify = try await server.post("/api/v1/payments/bank-accounts/30/verify", token: demo.tokens["paul"], json: #"{"channel":"call"}"#)
            #expect(verify.status == 503, "\(verify.text)")
            let noCheck = try await server.send("GET", "/api/v1/expenses/check", token: demo.tokens["vera"])
            #expect(noCheck.status == 404 && noCheck.text.contains("run a check first"), "\(noCheck.text)")
            #expect(try await server.send("GET", "/api/v1/duties", token: demo.tokens["vera"]).status == 503)
        }
    }
}
