import CloseSettings
import CloseStore
import CloseWorkflows
import Foundation
import Governance
import Ledger
import LoopbackHTTP
import OdooLedger
import OdooRPC
import Receivables
import Testing

/// Reminders on a real Odoo 18, in a new company with a random name in the scratch database
/// CLOSER_TEST_ODOO_HABITS_DB. Customer A (an email, a salesperson of its own) has four invoices overdue past the
/// first level: A1 unpaid, A2 paid before the pull, A3 paid by a bank statement line not yet reconciled, A4 paid in
/// Odoo after the pull, A5 paid by a bank line that names only the invoice (no partner); customer B (no email) has B1
/// unpaid. Two more bank lines match only amounts: B paying A1's amount, an unknown payer paying B1's; they stop nothing.
/// Only A1 and B1 are reminded; in audit mode nothing is written; an approved reminder whose answer is lost on the way
/// is sent once when approved again; B's is refused, not sent.
@Suite(.serialized, .enabled(if: LiveScratchCompany.settings(.habits, company: nil) != nil,
                             "skipped: no scratch Odoo database with `account` (CLOSER_TEST_ODOO_URL, CLOSER_TEST_ODOO_HABITS_DB)"))
struct LiveReminderTests {
    /// Forwards to the live Odoo, keeps every request, and drops Odoo's answer to the next `message_post` when asked:
    /// the message is posted in Odoo, the caller never hears of it.
    final class Proxy: @unchecked Sendable {
        private let lock = NSLock()
        private var dropNextPost = false
        var server: LoopbackServer!

        init(to base: URL) throws {
            server = try LoopbackServer { [unowned self] request in
                let answer = LoopbackServer.forward(request, to: base)
                guard LiveAuditModeTests.ormMethod(request.body) == "message_post" else { return answer }
                return lock.withLock { defer { dropNextPost = false }; return dropNextPost } ? .close : answer
            }
        }

        func loseNextPostAnswer() { lock.withLock { dropNextPost = true } }

        /// The ORM methods of the requests received from the `from`-th on.
        func methods(from: Int) -> Set<String> { Set(server.requests.dropFirst(from).compactMap { LiveAuditModeTests.ormMethod($0.body) }) }
    }

    struct Fixture {
        let company: LiveScratchCompany
        let a: Int, b: Int
        let a1: Int, a2: Int, a3: Int, a4: Int, a5: Int, b1: Int
        let names: [Int: String]

        /// Everything but A4's payment, which comes after the pull.
        init() async throws {
            company = try await LiveScratchCompany.create(in: .habits, kind: "Handel")
            let today = LocalDate.todayUTC()
            // A's To-Do goes to its salesperson, as on a real customer, not to the connected user.
            let salesperson = try await company.create("res.users", [
                "name": .string("Seller \(LiveScratchCompany.word(5))"), "login": .string("seller-\(LiveScratchCompany.word(8))"),
                "company_id": RPCValue(company.id), "company_ids": [[6, 0, RPCValue([company.id])]],
            ])
            a = try await company.create("res.partner", ["name": .string("\(LiveScratchCompany.word(6).capitalized) GmbH"), "is_company": true,
                                                         "email": .string("ar-\(LiveScratchCompany.word(6))@example.com"), "user_id": RPCValue(salesperson)])
            b = try await company.customer()
            // Due 25 to 32 days ago: past the first level (7 days), short of the letter (45 days).
            a1 = try await company.invoice(a, on: today.adding(days: -62), amountCents: 111_100)
            a2 = try await company.invoice(a, on: today.adding(days: -61), amountCents: 122_200)
            a3 = try await company.invoice(a, on: today.adding(days: -60), amountCents: 133_300)
            a4 = try await company.invoice(a, on: today.adding(days: -57), amountCents: 144_400)
            a5 = try await company.invoice(a, on: today.adding(days: -56), amountCents: 166_600)
            b1 = try await company.invoice(b, on: today.adding(days: -55), amountCents: 155_500)
            try await company.registerPayment(a2, on: today.adding(days: -20))
            let rows = try await company.client.read("account.move", ids: [a1, a2, a3, a4, a5, b1], fields: ["name"])
            names = Dictionary(uniqueKeysWithValues: rows.compactMap { row in row["id"]?.int.map { ($0, row["name"]?.stringValue ?? "") } })
            // Payments on the bank statement left for reconciliation (Odoo lets the "Basic" accounting group create
            // statement lines: the connected user gets it).
            let client = company.client
            let basic = try #require(try await client.execute("ir.model.data", "check_object_reference", ["account", "group_account_basic"],
                                                              idempotent: true).arrayValue?.last?.int)
            try await client.write("res.users", ids: [try await client.authenticate()], ["groups_id": [[4, RPCValue(basic)]]])
            let bank = try #require(try await client.search("account.journal", domain: [["type", "=", "bank"], ["company_id", "=", RPCValue(company.id)]],
                                                            limit: 1).first, "the chart of accounts made no bank journal")
            let lines: [(partner: Int?, label: String, cents: Int)] = [
                (a, "Transfer \(names[a3] ?? "")", 133_300), (nil, "SEPA CT \(names[a5] ?? "") REF 99812", 166_600),
                (b, "Payment thanks", 111_100), (nil, "Incoming transfer 5521", 155_500),
            ]
            for line in lines {
                var values: RPCStruct = ["journal_id": RPCValue(bank), "date": .string(today.adding(days: -2).description), "payment_ref": .string(line.label),
                                         "amount": .double(WireNumber(minorUnits: Int64(line.cents), scale: 2))]
                if let partner = line.partner { values["partner_id"] = RPCValue(partner) }
                _ = try await company.create("account.bank.statement.line", values)
            }
        }

        /// Pulls the company with `settings` (through the proxy) into a new store.
        func pull(_ settings: OdooSettings) async throws -> (AppDatabase, SourceKey) {
            let source = OdooGateway.source(settings)
            let store = try AppDatabase.inMemory()
            let key = source.sourceKey(companyID: company.id)
            let pull = try await PullService(store: store, actor: "live-test").pull(from: source, sourceKey: key, period: Period(containing: .todayUTC()),
                                                                                    historyMonths: 3)
            #expect(pull.countsMatch == true)
            return (store, key)
        }

        /// Messages and activities on both customers' chatters.
        func chatterCounts() async throws -> (messages: Int, activities: Int) {
            let partners = RPCValue([a, b])
            return (try await company.client.searchCount("mail.message", domain: [["model", "=", "res.partner"], ["res_id", "in", partners]]),
                    try await company.client.searchCount("mail.activity", domain: [["res_model", "=", "res.partner"], ["res_id", "in", partners]]))
        }

        /// A's chatter messages carrying this reminder's letter (sent as a comment, not the activity's notices).
        func letters(_ reminder: CollectionReminder) async throws -> [Int] {
            try await company.client.search("mail.message", domain: [
                ["model", "=", "res.partner"], ["res_id", "=", RPCValue(a)], ["message_type", "=", "comment"],
                ["body", "ilike", .string("[closer:reminder:\(reminder.id)]")],
            ])
        }
    }

    static func service(_ store: AppDatabase, _ settings: OdooSettings) -> ReminderService {
        ReminderService(store: store, rules: RuleSet.builtIn.receivables, matchRules: RuleSet.builtIn.matching, actor: "colin", settings: settings)
    }

    static let collector = CloserUser(login: "colin", name: "Colin", kind: .human, active: true, roles: [.approver])

    @Test func onlyTheUnpaidInvoiceIsRemindedOnceAndAuditModeWritesNothing() async throws {
        let fixture = try await Fixture()
        let proxy = try Proxy(to: try #require(LiveScratchCompany.settings(.habits, company: nil)).endpoint.url)
        defer { proxy.server.stop() }
        let url = proxy.server.url.absoluteString
        let audit = try #require(fixture.company.settings(mode: "audit", url: url))
        let supervised = try #require(fixture.company.settings(mode: "supervised", url: url))
        let (auditStore, key) = try await fixture.pull(audit)
        let (store, _) = try await fixture.pull(supervised)
        try await fixture.company.registerPayment(fixture.a4, on: .todayUTC())
        let skippedA = [fixture.a2, fixture.a3, fixture.a4, fixture.a5]
        print("[live] reminders company \(fixture.company.id): A1..A5 \(([fixture.a1] + skippedA).map { fixture.names[$0]! }), "
              + "B1 \(fixture.names[fixture.b1]!)")

        // Audit mode: the same drafts, and only reads reach Odoo.
        let before = try await fixture.chatterCounts()
        let firstAuditRequest = proxy.server.requestCount
        let audited = try await Self.service(auditStore, audit).draft(sourceKey: key)
        #expect(!audited.writes && audited.reminders.count == 2)
        let methods = proxy.methods(from: firstAuditRequest)
        #expect(methods.contains("read"), "the drafting asked Odoo what is settled since the pull")
        #expect(methods.subtracting(OdooAccessPolicy.readMethods).isEmpty, "write methods reached Odoo in audit mode: \(methods.sorted())")
        #expect(try await fixture.chatterCounts() == before)

        // Supervised: A's draft lists A1 alone; A2 was paid before the pull, A3 and A5 wait on the bank, A4 was paid since.
        let drafted = try await Self.service(store, supervised).draft(sourceKey: key)
        #expect(drafted.writes && drafted.new == 2)
        let reminderA = try #require(drafted.reminders.first { $0.draft.customerID == fixture.a })
        #expect(reminderA.draft.items.map(\.invoiceID) == [fixture.a1], "\(reminderA.draft.items.map(\.name))")
        #expect(reminderA.letter.contains(fixture.names[fixture.a1]!) && !skippedA.contains { reminderA.letter.contains(fixture.names[$0]!) })
        #expect(reminderA.draft.level.level == 2 && !reminderA.letter.contains("earlier reminder"), "A's first reminder claims none before it")
        let reasons = Dictionary(drafted.skipped.map { ($0.invoice.id, $0.reason) }, uniquingKeysWith: { a, _ in a })
        print("[live] left out: \(drafted.skipped.map { "\($0.invoice.name): \($0.reason.text)" })")
        // A2 is paid in the pulled ledger, not an overdue invoice left out; the lines matching only an amount leave A1 and B1 in.
        #expect(Set(reasons.keys) == [fixture.a3, fixture.a4, fixture.a5])
        guard case .paymentOnBankLine(_, _, let amount, let probability) = reasons[fixture.a3] else {
            Issue.record("A3 is not left out for its payment on the bank statement: \(reasons[fixture.a3].map(\.text) ?? "reminded")")
            return
        }
        #expect(amount.minorUnits == 133_300 && probability >= RuleSet.builtIn.receivables.reminders.paymentMatchScore)
        guard case .paymentOnBankLine(_, _, let amountA5, _) = reasons[fixture.a5] else {
            Issue.record("A5 is not left out for the bank line naming it: \(reasons[fixture.a5].map(\.text) ?? "reminded")")
            return
        }
        #expect(amountA5.minorUnits == 166_600)
        guard case .settledInOdoo(let state) = reasons[fixture.a4] else {
            Issue.record("A4 is not left out as paid in Odoo since the pull: \(reasons[fixture.a4].map(\.text) ?? "reminded")")
            return
        }
        #expect(["paid", "in_payment"].contains(state))
        let activityA = try #require(reminderA.odooActivityID)
        let reminderB = try #require(drafted.reminders.first { $0.draft.customerID == fixture.b })
        #expect(reminderB.draft.items.map(\.invoiceID) == [fixture.b1])
        let activities = try await fixture.chatterCounts().activities
        #expect(activities == 2, "one To-Do per new draft")

        let again = try await Self.service(store, supervised).draft(sourceKey: key)
        #expect(again.new == 0 && again.reminders.map(\.id).sorted() == drafted.reminders.map(\.id).sorted())
        #expect(try await fixture.chatterCounts().activities == activities, "drafting again leaves no second To-Do")
        #expect(try await fixture.letters(reminderA).isEmpty, "the salesperson's activity notice is not the reminder: nothing sent yet")

        // Approved, but Odoo's answer to the post is lost: the letter is in A's chatter, the approval waits to be finished.
        proxy.loseNextPostAnswer()
        await #expect(throws: (any Error).self) { try await Self.service(store, supervised).decide(id: reminderA.id, approve: true, note: nil, by: Self.collector) }
        #expect(try await fixture.letters(reminderA).count == 1 && store.reminder(id: reminderA.id).status == .approved)
        // Approving again finishes it: the letter found by its marker, not posted twice; the To-Do closed.
        let sent = try await Self.service(store, supervised).decide(id: reminderA.id, approve: true, note: nil, by: Self.collector)
        let letters = try await fixture.letters(reminderA)
        let messageID = try #require(sent.odooMessageID)
        #expect(sent.status == .sent && letters == [messageID])
        // Sent by email: Odoo notifies A (the customer, not only followers) by email of that message.
        #expect(try await fixture.company.client.searchCount("mail.notification", domain: [
            ["mail_message_id", "=", RPCValue(messageID)], ["res_partner_id", "=", RPCValue(fixture.a)], ["notification_type", "=", "email"],
        ]) == 1)
        #expect(try await fixture.company.client.search("mail.activity", domain: [["id", "=", RPCValue(activityA)]]).isEmpty, "A's To-Do is done")
        await #expect(throws: CollectionsStoreError.reminderNotOpen(reminderA.id, status: "sent")) {
            try await Self.service(store, supervised).decide(id: reminderA.id, approve: true, note: nil, by: Self.collector)
        }
        #expect(try await fixture.letters(reminderA).count == 1)

        // B has no email: refused with a sentence naming it, nothing sent, the draft still waiting.
        let messagesB = try await fixture.company.client.searchCount("mail.message", domain: [["model", "=", "res.partner"], ["res_id", "=", RPCValue(fixture.b)]])
        do {
            _ = try await Self.service(store, supervised).decide(id: reminderB.id, approve: true, note: nil, by: Self.collector)
            Issue.record("a reminder to a customer without an email was approved")
        } catch let error as ReminderError {
            #expect(error == .noEmail(customer: reminderB.draft.customerName))
            #expect(error.description.contains("has no email address") && error.description.contains(reminderB.draft.customerName))
        }
        #expect(try store.reminder(id: reminderB.id).status == .drafted)
        #expect(try await fixture.company.client.searchCount("mail.message", domain: [["model", "=", "res.partner"], ["res_id", "=", RPCValue(fixture.b)]])
                == messagesB)
        // The collector rejects it to phone them instead: B's To-Do is closed, still nothing sent to B.
        let activityB = try #require(reminderB.odooActivityID)
        let rejected = try await Self.service(store, supervised).decide(id: reminderB.id, approve: false, note: "no email: phone them", by: Self.collector)
        #expect(rejected.status == .rejected && rejected.odooMessageID == nil)
        #expect(try await fixture.company.client.search("mail.activity", domain: [["id", "=", RPCValue(activityB)]]).isEmpty, "B's To-Do is done")
        #expect(try await fixture.company.client.searchCount("mail.message", domain: [
            ["model", "=", "res.partner"], ["res_id", "=", RPCValue(fixture.b)], ["message_type", "=", "comment"],
        ]) == 0)
    }
}

extension LiveReminderTests {
    /// The collector ticks the To-Do done in Odoo before approving in Closer. Odoo's "To-Do done" notice on A's chatter
    /// quotes the To-Do's note, marker included; it is not the letter, so approving still sends the letter, once.
    @Test func aToDoMarkedDoneInOdooIsNotTakenForTheSentReminder() async throws {
        let fixture = try await Fixture()
        let supervised = try #require(fixture.company.settings(mode: "supervised"))
        let (store, key) = try await fixture.pull(supervised)
        let drafted = try await Self.service(store, supervised).draft(sourceKey: key)
        let reminderA = try #require(drafted.reminders.first { $0.draft.customerID == fixture.a })
        let activity = try #require(reminderA.odooActivityID)
        _ = try await fixture.company.client.execute("mail.activity", "action_feedback", [RPCValue([activity])], ["feedback": "Checked, approving in Closer"],
                                                     idempotent: false)
        let notices = try await fixture.company.client.searchCount("mail.message", domain: [
            ["model", "=", "res.partner"], ["res_id", "=", RPCValue(fixture.a)], ["body", "ilike", .string("[closer:reminder:\(reminderA.id)]")],
        ])
        #expect(notices == 1, "Odoo's To-Do done notice quotes the note with its marker")

        let sent = try await Self.service(store, supervised).decide(id: reminderA.id, approve: true, note: nil, by: Self.collector)
        let letters = try await fixture.letters(reminderA)
        #expect(sent.status == .sent && letters.count == 1 && sent.odooMessageID == letters.first, "letters \(letters), recorded \(sent.odooMessageID ?? 0)")
    }
}
