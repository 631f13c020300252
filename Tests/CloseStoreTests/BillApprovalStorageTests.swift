import CloseStore
import Foundation
import Governance
import Ledger
import Payables
import Testing

/// Bill approvals as the store records them: nobody approves their own bill or one they asked about,
/// each level needs another person, a delegate approves only inside the delegation's window and says
/// for whom, a rejection ends the route, and every decision is on the audit trail.
@Suite struct BillApprovalStorageTests {
    let key: SourceKey = "test:fixture"
    let today = LocalDate(year: 2026, month: 12, day: 5)!
    var noon: Date { Date(timeIntervalSince1970: Double(today.daysSinceEpoch) * 86_400 + 43_200) }

    /// clerk entered the bill (and approves elsewhere); bob approves; carol and dave are controllers; erin only views.
    func database() throws -> AppDatabase {
        let database = try AppDatabase.inMemory()
        try database.addUser(login: "admin", name: "Admin", roles: [.admin], odooUserID: nil, actor: "admin")
        for (login, roles) in [("clerk", [CloserRole.preparer, .approver]), ("bob", [.approver]), ("carol", [.controller]), ("dave", [.controller]),
                               ("erin", [.viewer])] {
            try database.addUser(login: login, name: login.capitalized, roles: Set(roles), odooUserID: nil, actor: "admin")
        }
        return database
    }

    func facts(preparer: String? = "Clerk") -> BillApprovalFacts {
        BillApprovalFacts(source: key, billID: 42, billTitle: "BILL/2026/12/0042 of Acme", amount: Money(minorUnits: 12_400_00, currency: CurrencyCode("EUR")!),
                          vendorFirstBillDate: LocalDate(year: 2024, month: 1, day: 1), preparerLogin: preparer)
    }

    func route(_ roles: [String]...) -> ApprovalRoute {
        ApprovalRoute(levels: roles.enumerated().map { ApprovalLevel(roles: $1, triggers: ["amount"], reasons: ["level \($0 + 1) reason"]) })
    }

    func enter(_ database: AppDatabase, _ route: ApprovalRoute, requestedBy: String = "bob") throws -> BillApproval? {
        try database.enterBillApproval(facts(), route: route, requestedBy: requestedBy, at: noon)
    }

    func refusal(_ database: AppDatabase, by login: String, approve: Bool = true, comment: String? = nil, day offset: Int = 0) -> String {
        do {
            _ = try database.decideBillApproval(sourceKey: key, billID: 42, approve: approve, comment: comment, by: login,
                                                at: noon.addingTimeInterval(Double(offset) * 86_400))
            return "allowed"
        } catch { return String(describing: error) }
    }

    @Test func nobodyApprovesABillTheyEnteredOrAskedAboutAndRefusalsChangeNothing() throws {
        let database = try database()
        try #require(try enter(database, route(["approver", "controller"])) != nil)
        let events = try database.auditEvents().count
        #expect(refusal(database, by: "clerk")
                == "separation of duties: clerk prepared the bill and cannot approve level 1 of bill BILL/2026/12/0042 of Acme; someone else must.")
        #expect(refusal(database, by: "bob").contains("bob asked for its approval and cannot approve level 1"))
        #expect(refusal(database, by: "erin") == "approval policy: level 1 of bill BILL/2026/12/0042 of Acme needs an approver or controller; "
                + "erin holds viewer and holds no delegation in force from one.")
        #expect(refusal(database, by: CloserUser.agentLogin).hasPrefix("the agent never approves"))
        #expect(try database.auditEvents().count == events)
        #expect(try database.billApproval(sourceKey: key, billID: 42)?.decisions.isEmpty == true)
        #expect(refusal(database, by: "carol") == "allowed")
        #expect(try database.billApproval(sourceKey: key, billID: 42)?.status == .approved)
    }

    @Test func eachLevelNeedsAnotherPersonAndTheQueueShowsTheLevelWaitingAndItsAge() throws {
        let database = try database()
        try #require(try enter(database, route(["approver", "controller"], ["controller"])) != nil)
        #expect(refusal(database, by: "carol") == "allowed")
        #expect(try database.approvalBlock(sourceKey: key, billID: 42)
                == "BILL/2026/12/0042 of Acme waits for approval level 2 of 2 by a controller: level 2 reason")
        let waiting = try #require(try database.billApprovals().first?.waiting(asOf: noon.addingTimeInterval(3 * 86_400)))
        #expect(waiting.level == 2 && waiting.of == 2 && waiting.roles == ["controller"] && waiting.reason == "level 2 reason" && waiting.ageDays == 3)
        #expect(refusal(database, by: "carol").contains("carol approved level 1 and cannot approve level 2"))
        #expect(refusal(database, by: "dave") == "allowed")
        let approved = try #require(try database.billApproval(sourceKey: key, billID: 42))
        #expect(approved.status == .approved && approved.decisions.map(\.approver) == ["carol", "dave"])
        #expect(try database.approvalBlock(sourceKey: key, billID: 42) == nil)
        #expect(try database.billApprovals().isEmpty)
        #expect(refusal(database, by: "bob").contains("is already approved (level 2 by dave"))
        let decided = try database.auditEvents().filter { $0.action == "payables.approval.decided" }
        #expect(decided.map(\.actor) == ["carol", "dave"])
    }

    @Test func aDelegateApprovesOnlyInsideTheWindowAndSaysForWhom() throws {
        let database = try database()
        try #require(try enter(database, route(["controller"])) != nil)
        try database.addUser(login: "fred", name: "Fred", roles: [.approver], odooUserID: nil, actor: "admin")
        _ = try database.addApprovalDelegation(from: "carol", to: "fred", startsOn: today.adding(days: 1), endsOn: today.adding(days: 3),
                                               reason: "holiday", actor: "carol", at: noon)
        #expect(refusal(database, by: "fred") == "approval policy: level 1 of bill BILL/2026/12/0042 of Acme needs a controller; "
                + "fred holds approver and holds no delegation in force from one.")
        #expect(refusal(database, by: "fred", day: 4).contains("holds no delegation in force"))
        #expect(refusal(database, by: "fred", day: 2) == "allowed")
        let decision = try #require(try database.billApproval(sourceKey: key, billID: 42)?.decisions.first)
        #expect(decision.approver == "fred" && decision.onBehalfOf == "carol" && decision.role == "controller")
        let audited = try #require(try database.auditEvents().last)
        #expect(audited.action == "payables.approval.decided" && audited.payload.contains("\"on_behalf_of\":\"carol\""))
        #expect(try database.approvalDelegations(inForceOn: today).isEmpty && database.approvalDelegations(inForceOn: today.adding(days: 3)).count == 1)
    }

    @Test func aDelegationCarriesNoRightTheDelegatorLacksNorOneTheyAreBarredFrom() throws {
        let database = try database()
        try #require(try enter(database, route(["approver"])) != nil)
        try database.addUser(login: "gina", name: "Gina", roles: [.controller], odooUserID: nil, actor: "admin")
        _ = try database.addApprovalDelegation(from: "clerk", to: "gina", startsOn: today, endsOn: today, reason: "away", actor: "clerk", at: noon)
        #expect(refusal(database, by: "gina") == "separation of duties: clerk, whose delegation gina holds, prepared the bill and cannot approve "
                + "level 1 of bill BILL/2026/12/0042 of Acme.")
        #expect(throws: BillApprovalError.self) {
            try database.addApprovalDelegation(from: "erin", to: "bob", startsOn: today, endsOn: today, reason: "away", actor: "erin", at: noon)
        }
        #expect(throws: BillApprovalError.self) {
            try database.addApprovalDelegation(from: "carol", to: "erin", startsOn: today, endsOn: today, reason: "away", actor: "carol", at: noon)
        }
        #expect(throws: BillApprovalError.self) {
            try database.addApprovalDelegation(from: "bob", to: "dave", startsOn: today, endsOn: today.adding(days: -1), reason: "away", actor: "bob", at: noon)
        }
    }

    @Test func aRejectionNeedsACommentAndEndsTheRoute() throws {
        let database = try database()
        try #require(try enter(database, route(["approver", "controller"], ["controller"])) != nil)
        #expect(refusal(database, by: "carol", approve: false) == BillApprovalError.rejectionWithoutComment.description)
        #expect(refusal(database, by: "carol", approve: false, comment: "not our order") == "allowed")
        let rejected = try #require(try database.billApproval(sourceKey: key, billID: 42))
        #expect(rejected.status == .rejected && rejected.pendingLevel == nil && rejected.decisions.first?.comment == "not our order")
        #expect(try database.approvalBlock(sourceKey: key, billID: 42) == "BILL/2026/12/0042 of Acme was rejected by carol: not our order")
        #expect(refusal(database, by: "dave").contains("is already rejected"))
    }

    @Test func theSameRouteKeepsItsDecisionsAChangedOneStartsOverAndTouchlessClears() throws {
        let database = try database()
        let first = try #require(try enter(database, route(["approver", "controller"], ["controller"])))
        #expect(refusal(database, by: "carol") == "allowed")
        #expect(try enter(database, route(["approver", "controller"], ["controller"]))?.decisions.count == 1)
        let changed = try #require(try enter(database, route(["controller"])))
        #expect(changed.id != first.id && changed.decisions.isEmpty)
        #expect(try enter(database, ApprovalRoute(levels: [])) == nil)
        #expect(try database.billApproval(sourceKey: key, billID: 42) == nil)
        #expect(try database.auditEvents().map(\.action).filter { $0.hasPrefix("payables.approval.") }
                == ["payables.approval.routed", "payables.approval.decided", "payables.approval.routed", "payables.approval.cleared"])
    }
}
