import CloseStore
import CloseWorkflows
import Governance
import Testing

@Suite struct UsersServiceTests {
    static let passphrase = "a long enough passphrase"

    /// Ann added by the installer (so she became admin), Bob an approver she added.
    static func staffed() throws -> (store: AppDatabase, admin: UsersService) {
        let store = try AppDatabase.inMemory()
        let ann = try UsersService(store: store, actor: "installer").add(login: "ann", name: "Ann", roles: [.controller], odooUserID: nil)
        #expect(ann.roles == [.controller, .admin], "the first person added to a store becomes admin")
        let admin = UsersService(store: store, actor: "ann")
        _ = try admin.add(login: "bob", name: "Bob", roles: [.approver], odooUserID: 7)
        return (store, admin)
    }

    @Test func aNonAdminChangesNothingAndLeavesNoTrace() throws {
        let (store, _) = try Self.staffed()
        let before = (try store.users(), try store.auditEvents())
        for actor in ["bob", "installer"] {
            let refused = UserError.adminRequired(actor: actor)
            let service = UsersService(store: store, actor: actor)
            #expect(throws: refused) { try service.add(login: "eve", name: "Eve", roles: [.admin], odooUserID: nil) }
            #expect(throws: refused) { try service.setRole(.admin, granted: true, login: "bob") }
            #expect(throws: refused) { try service.setActive(false, login: "ann") }
            #expect(throws: refused) { try service.issueToken(login: "bob") }
            #expect(throws: refused) { try service.setPassword(Self.passphrase, login: "bob") }
        }
        #expect(try store.users() == before.0 && store.auditEvents() == before.1)
    }

    @Test func aDeactivatedAdminManagesNoMore() throws {
        let (store, admin) = try Self.staffed()
        _ = try admin.setRole(.admin, granted: true, login: "bob")
        _ = try UsersService(store: store, actor: "bob").setActive(false, login: "ann")
        #expect(throws: UserError.adminRequired(actor: "ann")) { try admin.setActive(true, login: "ann") }
    }

    @Test func everyChangeIsAuditedAsTheAdminWithoutItsSecrets() throws {
        let (store, admin) = try Self.staffed()
        #expect(try admin.setRole(.preparer, granted: true, login: "bob").roles == [.approver, .preparer])
        #expect(try admin.setRole(.approver, granted: false, login: "bob").roles == [.preparer])
        let issued = try admin.issueToken(login: "bob")
        #expect(try store.user(authenticatedBy: issued.token).login == "bob")
        try admin.revokeToken(prefix: issued.prefix)
        #expect(throws: UserError.revokedToken(prefix: issued.prefix)) { try store.user(authenticatedBy: issued.token) }
        try admin.setPassword(Self.passphrase, login: "bob")
        #expect(try !admin.setActive(false, login: "bob").active)
        #expect(try admin.setActive(true, login: "bob").active)
        #expect(try admin.list().map(\.login) == [CloserUser.agentLogin, "ann", "bob"])

        let events = try store.auditEvents().filter { $0.action.hasPrefix("user.") }
        #expect(events.map(\.action) == ["user.added", "user.added", "user.role.granted", "user.role.revoked", "user.token.issued",
                                         "user.token.revoked", "user.password.set", "user.deactivated", "user.activated"])
        #expect(events.map(\.actor) == ["installer"] + Array(repeating: "ann", count: 8))
        #expect(events.dropFirst().allSatisfy { $0.targets == [AuditTarget(model: "closer.user", id: "bob")] })
        #expect(!events.contains { $0.payload.contains(issued.token) || $0.payload.contains(Self.passphrase) })
        #expect(try store.verifyAuditTrail().isIntact)
    }
}
