import CloseSettings
import CloseWorkflows
import Governance
import Hummingbird
import Treasury

extension APIRoutes {
    /// Vendors' bank accounts held by a change to where the money goes, and the verification that releases them: as
    /// `closer payments bank-changes|verify`, recorded by someone other than whoever changed the account.
    var bankChanges: [Route] {
        [
            Route(endpoint: Endpoint(method: .get, path: "/api/v1/payments/bank-changes", operationID: "listHeldBankAccounts",
                                     summary: "Vendors' bank accounts whose payments are held by a change (added, new number or holder): the vendor, the account, the change, who made it and when, the verifications since, and what releases it (a second person's verification, the cool-off's end).",
                                     access: .reader, parameters: [Self.everyLedgerParameter, Self.asOfParameter],
                                     responseSchema: "HeldBankAccountList")) { request, _ in
                let held = HeldBankAccounts(store: store, coolOffDays: configuration.ruleSet.treasury.coolOffDays)
                return JSONBody(["accounts": try held.list(sourceKey: request.namedSourceKey, asOf: try request.asOf())])
            },
            Route(endpoint: Endpoint(method: .post, path: "/api/v1/payments/bank-accounts/{accountID}/verify", operationID: "verifyBankAccount",
                                     summary: "Record that the caller confirmed a vendor's bank account with the vendor, and how (a channel not taken from the change request). Refused to whoever changed it: a second person verifies; the cool-off still runs.",
                                     access: .action(.verifyBankDetails), parameters: [Self.accountIDParameter], requestSchema: "VerifyBankAccountRequest",
                                     responseSchema: "BankVerification", successStatus: 201, callsOdoo: true)) { request, context in
                guard let accountID = context.parameters.get("accountID", as: Int.self), accountID > 0 else {
                    throw APIError.badParameter("accountID", "must be a bank account's id in Odoo (a positive whole number)")
                }
                let body = try await request.json(VerifyBankAccountRequest.self)
                guard let odoo = configuration.odoo else { throw APIError.noOdoo("Verifying a bank account") }
                let verification = try await BankDetailsService(store: store, settings: odoo).verify(accountID: accountID, channel: body.channel,
                                                                                                    actor: try context.actor)
                return JSONBody(verification, status: .created)
            },
        ]
    }

    static let accountIDParameter = Endpoint.Parameter(name: "accountID", place: .path, type: "integer", required: true,
                                                       description: "The vendor's bank account's id in Odoo (res.partner.bank).", format: "int64", minimum: 1)
}

struct VerifyBankAccountRequest: RequestBody, Codable, Sendable {
    static let fields: Set<String> = ["channel"]
    var channel: String
}
