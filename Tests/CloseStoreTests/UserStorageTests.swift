import CloseStore
import Foundation
import Governance
import Testing
import PostgresSupport

@Suite struct UserStorageTests {
    @Test func theFirstPersonIsAdminAndOnlyAnAdminManagesUsersAfterwards() throws {
        let database = try AppDatabase.inMemory()
        #expect(try database.users().map(\.login) == [CloserUser.agentLogin])
        #expect(try database.user(login: CloserUser.agentLogin).kind == .agent)

        let ann = try database.addUser(login: "ann", name: "Ann", roles: [.controller], odooUserID: 7, actor: "os-user")
        #expect(ann.roles == [.controller, .admin] && ann.odooUserID == 7)
        #expect(throws: UserError.adminRequired(actor: "os-user")) {
            try database.addUser(login: "bob", name: "Bob", roles: [.approver], odooUserID: nil, actor: "os-user")
        }
        try database.addUser(login: "bob", name: "Bob", roles: [.approver], odooUserID: nil, actor: "ann")
        #expect(throws: UserError.adminRequired(actor: "bob")) { try database.setRole(.controller, granted: true, login: "bob", actor: "bob") }
        #expect(throws: UserError.agentIsFixed) { try database.setRole(.approver, granted: true, login: CloserUser.agentLogin, actor: "ann") }
        #expect(throws: UserError.duplicateLogin("bob")) { try database.addUser(login: "bob", name: "B", roles: [], odooUserID: nil, actor: "ann") }
        #expect(throws: UserError.invalidLogin("bob smith")) {
            try database.addUser(login: "bob smith", name: "B", roles: [], odooUserID: nil, actor: "ann")
        }
        #expect(try database.setRole(.controller, granted: true, login: "bob", actor: "ann").roles == [.approver, .controller])
        #expect(try database.setRole(.approver, granted: false, login: "bob", actor: "ann").roles == [.controller])
        let actions = try database.auditEvents().map(\.action)
        #expect(actions == ["user.added", "user.added", "user.role.granted", "user.role.revoked"])
    }

    @Test func tokensAreStoredHashedShownOnceAndRevocable() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("closer-users-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = TestStore.location("store", in: directory)
        let database = try AppDatabase.openOrCreate(at: path)
        try database.addUser(login: "ann", name: "Ann", roles: [.approver], odooUserID: nil, actor: "os-user")
        let issued = try database.issueToken(login: "ann", actor: "ann")
        #expect(issued.token.hasPrefix(issued.prefix) && issued.token.count > 60)

        #expect(try database.user(authenticatedBy: issued.token).login == "ann")
        #expect(try database.user(login: "ann").tokens.first?.lastUsedAt != nil)
        #expect(throws: UserError.unknownToken) { try database.user(authenticatedBy: issued.token + "x") }

        // The token is nowhere in the store or the audit trail; its prefix is.
        let contents = try TestStore.contents(of: path)
        #expect(contents.range(of: Data(issued.token.utf8)) == nil)
        #expect(contents.range(of: Data(issued.prefix.utf8)) != nil)
        let trail = try database.auditEvents()
        #expect(!trail.contains { $0.payload.contains(issued.token) } && trail.contains { $0.action == "user.token.issued" })

        try database.revokeToken(prefix: issued.prefix, actor: "ann")
        #expect(throws: UserError.revokedToken(prefix: issued.prefix)) { try database.user(authenticatedBy: issued.token) }
        #expect(try database.verifyAuditTrail().isIntact)
    }

    @Test func aDeactivatedUserIsRefusedEverywhere() throws {
        let database = try AppDatabase.inMemory()
        try database.addUser(login: "ann", name: "Ann", roles: [], odooUserID: nil, actor: "os-user")
        try database.addUser(login: "bob", name: "Bob", roles: [.approver], odooUserID: nil, actor: "ann")
        let token = try database.issueToken(login: "bob", actor: "ann").token
        try database.setUserActive(false, login: "bob", actor: "ann")
        #expect(throws: UserError.inactiveUser("bob")) { try database.user(authenticatedBy: token) }
        let refusal = ApprovalDecision.decide(
            ApprovalRequest(proposal: ProposalRef(.adjustment, 1), kind: "accrual", amount: nil, preparer: "ann", evidenceSHA256: "e"),
            approve: true, by: try database.user(login: "bob"), approvalsSoFar: [], policy: ApprovalPolicy())
        #expect(refusal == .refused(ApprovalRefusal(rule: "deactivated user", message: UserError.inactiveUser("bob").description)))
    }
}
