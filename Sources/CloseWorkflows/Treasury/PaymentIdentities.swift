import CloseStore
import Governance
import OdooLedger
import OdooRPC
import Treasury

/// Who a Closer user is in Odoo: bank-detail changes carry Odoo logins, verifications and approvals Closer logins,
/// and the three-people rule must see one person under both names (a Closer user's `odooUserID` links them).
struct PaymentIdentities {
    let users: [String: CloserUser]
    let client: OdooClient

    init(store: AppDatabase, client: OdooClient) throws {
        users = Dictionary(try store.users().map { ($0.login.lowercased(), $0) }) { first, _ in first }
        self.client = client
    }

    /// The Closer login and, when linked, the Odoo login of `login`.
    func of(_ login: String) async throws -> Set<String> {
        guard let odooID = users[login.lowercased()]?.odooUserID else { return [login] }
        return Set([login] + (try await client.logins([odooID]).values))
    }

    /// The verifications with each verifier named by their Odoo login where they have one, as changes are.
    func inOdooTerms(_ verifications: [BankVerification]) async throws -> [BankVerification] {
        let linked = Set(verifications.compactMap { users[$0.by.lowercased()]?.odooUserID })
        let logins = try await client.logins(linked)
        return verifications.map { verification in
            var verification = verification
            if let id = users[verification.by.lowercased()]?.odooUserID, let login = logins[id] { verification.by = login }
            return verification
        }
    }
}
