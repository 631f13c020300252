import CloseStore
import FakeOdoo
import Foundation
import LoopbackHTTP
import Testing

/// A payment run proposed over the API against the fake Odoo: the vendor whose account is old is paid, the one whose
/// account Odoo user mallory created yesterday is left out and held; mallory (Closer user "mal", linked to that Odoo
/// user) may not verify it, a second person does; the proposer may not approve; in audit mode the approval writes nothing.
@Suite struct PaymentsOdooAPITests {
    @Test func aProposalPaysTheOldAccountAndHoldsTheNewOneUntilASecondPersonVerifies() async throws {
        let world = try await TreasuryOdoo.start(mode: "audit")
        defer { world.stop() }
        let server = world.server
        let proposed = try await server.post("/api/v1/payments/runs", token: world.tokens["paul"], json: "{}")
        #expect(proposed.status == 201, "\(proposed.text)")
        let run = try proposed.json()
        let runID = try #require(run["id"] as? Int)
        let paid = ((run["groups"] as? [[String: Any]]) ?? []).flatMap { ($0["payments"] as? [[String: Any]]) ?? [] }
        #expect(paid.compactMap { $0["billID"] as? Int } == [world.oldBill] && paid.first?["amount"] as? String == "1200.00", "\(proposed.text)")
        let leftOut = try #require((run["leftOut"] as? [[String: Any]])?.first)
        #expect(leftOut["billID"] as? Int == world.newBill)
        #expect((leftOut["reasons"] as? [String])?.contains { $0.contains("mallory") } == true, "\(leftOut)")

        let held = try await server.send("GET", "/api/v1/payments/bank-changes", token: world.tokens["vera"]).json()
        let account = try #require((held["accounts"] as? [[String: Any]])?.first)
        #expect(account["accountID"] as? Int == world.newAccount && account["vendor"] as? String == "New Supplier"
                && account["changedBy"] as? [String] == ["mallory"] && account["change"] as? String == "created", "\(held)")

        let verify = "/api/v1/payments/bank-accounts/\(world.newAccount)/verify"
        let noChannel = try await server.post(verify, token: world.tokens["paul"], json: #"{"channel":" "}"#)
        #expect(noChannel.status == 400 && noChannel.text.contains("Say how the bank details were verified"), "\(noChannel.text)")
        let own = try await server.post(verify, token: world.tokens["mal"], json: #"{"channel":"call to the number on the 2024 contract"}"#)
        #expect(own.status == 403 && own.text.contains("mallory changed bank account") && own.text.contains("a second person"), "\(own.text)")
        let unknown = try await server.post("/api/v1/payments/bank-accounts/999/verify", token: world.tokens["paul"], json: #"{"channel":"call"}"#)
        #expect(unknown.status == 404, "\(unknown.text)")
        let verified = try await server.post(verify, token: world.tokens["paul"], json: #"{"channel":"call to the number on the 2024 contract"}"#)
        #expect(try verified.status == 201 && verified.json()["by"] as? String == "paul", "\(verified.text)")
        let after = try await server.send("GET", "/api/v1/payments/bank-changes", token: world.tokens["vera"]).json()
        let stillCooling = try #require((after["accounts"] as? [[String: Any]])?.first)
        #expect(stillCooling["unverified"] as? Bool == false && (stillCooling["releasedBy"] as? String)?.contains("the cool-off ends") == true, "\(after)")

        let approve = "/api/v1/payments/runs/\(runID)/approve"
        let proposer = try await server.post(approve, token: world.tokens["paul"], json: "{}")
        #expect(proposer.status == 403, "a preparer, and the proposer: \(proposer.text)")
        let approved = try await server.post(approve, token: world.tokens["anna"], json: "{}")
        #expect(try approved.status == 200 && approved.json()["status"] as? String == "approved", "\(approved.text)")
        #expect(world.fake.performedWrites.isEmpty, "audit mode writes nothing to Odoo: \(world.fake.performedWrites)")
    }

    @Test func anUnreachableOdooIsA503AndAFaultA502WithOdoosWords() async throws {
        let world = try await TreasuryOdoo.start(mode: "audit")
        let unknownJournal = try await world.server.post("/api/v1/payments/runs", token: world.tokens["paul"], json: #"{"journalID":77}"#)
        #expect(unknownJournal.status == 422 && unknownJournal.text.contains("There is no bank journal 77"), "\(unknownJournal.text)")
        let expenses = try await world.server.post("/api/v1/expenses/check", token: world.tokens["paul"], json: "{}")
        #expect(expenses.status == 502 && expenses.errorCode == "odoo_fault" && expenses.text.contains("hr.expense.sheet"), "\(expenses.text)")
        world.odoo.stop()
        let down = try await world.server.post("/api/v1/payments/runs", token: world.tokens["paul"], json: "{}")
        #expect(down.status == 503 && down.errorCode == "odoo_unreachable", "\(down.text)")
        world.server.stop()
    }
}
