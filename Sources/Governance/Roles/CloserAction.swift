/// What a person does in Closer, and the roles that may do it: the one table every surface (CLI,
/// API, dashboard) checks before acting, so a command refused on one is refused on all. The
/// approval policy still weighs who passes (amounts, two approvers, no self-approval).
public enum CloserAction: String, Sendable, Codable, CaseIterable {
    /// Draft adjusting entries or bank matches for review, or withdraw one's own.
    case prepare
    /// Approve or reject proposals.
    case decide
    /// Write approved work to Odoo (entries, bank matches, finding notes, To-Dos) or roll a batch back.
    case writeToOdoo = "write-to-odoo"
    /// Acknowledge or set aside findings (waiving one is further reserved to a controller by the undo policy).
    case actOnFindings = "act-on-findings"
    /// Sign off, reopen or assign checklist tasks.
    case signOff = "sign-off"
    /// Ask for the period lock.
    case requestLock = "request-lock"
    /// Approve the period lock, which writes Odoo's lock dates.
    case approveLock = "approve-lock"
    /// Let a blocked vendor bill be paid despite what intake found (never one's own bill).
    case releaseBill = "release-bill"
    /// Approve or reject a level of a vendor bill's approval route (the route names whose roles count).
    case approveBill = "approve-bill"
    /// Approve or reject a proposed credit hold on a customer (never one's own proposal).
    case decideCreditHold = "decide-credit-hold"
    /// Let someone decide bill approvals in one's name while away.
    case delegateApprovals = "delegate-approvals"
    /// Draft the customers' payment reminders (and the To-Do each leaves a collector in Odoo).
    case draftReminders = "draft-reminders"
    /// Approve (and so send) or reject a reminder draft; a level the controller signs needs a controller.
    case approveReminders = "approve-reminders"
    /// Record a customer's promise to pay or dispute, or resolve a dispute.
    case recordCollections = "record-collections"
    /// Propose a payment run (the pre-flight reads Odoo and records what it finds; nothing is paid).
    case proposePayments = "propose-payments"
    /// Approve (and so pay in Odoo) or reject a payment run: never one's own, nor one paying a bank account one changed or verified.
    case approvePayments = "approve-payments"
    /// Record that a vendor's bank details were confirmed with the vendor (never details one changed oneself).
    case verifyBankDetails = "verify-bank-details"
    /// Add users, change roles, issue tokens and passwords, lift login locks, resend dead letters.
    case administer

    public var roles: Set<CloserRole> {
        switch self {
        case .prepare: [.preparer, .controller]
        case .decide: Set(CloserRole.approving)
        case .writeToOdoo, .actOnFindings, .signOff, .requestLock: [.preparer, .approver, .controller]
        case .approveLock: [.controller]
        case .releaseBill, .approveBill, .delegateApprovals, .approveReminders, .decideCreditHold: [.approver, .controller]
        case .draftReminders, .recordCollections, .proposePayments, .verifyBankDetails: [.preparer, .approver, .controller]
        case .approvePayments: [.approver, .controller]
        case .administer: [.admin]
        }
    }

    /// "approve or reject proposals", for refusals.
    public var phrase: String {
        switch self {
        case .prepare: "prepare proposals"
        case .decide: "approve or reject proposals"
        case .writeToOdoo: "write approved work to Odoo"
        case .actOnFindings: "act on findings"
        case .signOff: "sign off checklist tasks"
        case .requestLock: "request the period lock"
        case .approveLock: "approve the period lock"
        case .releaseBill: "release a blocked vendor bill"
        case .approveBill: "approve or reject vendor bills"
        case .delegateApprovals: "delegate bill approvals"
        case .draftReminders: "draft payment reminders"
        case .approveReminders: "approve or reject payment reminders"
        case .recordCollections: "record promises to pay and disputes"
        case .decideCreditHold: "approve or reject a credit hold"
        case .proposePayments: "propose a payment run"
        case .approvePayments: "approve or reject a payment run"
        case .verifyBankDetails: "record a bank-detail verification"
        case .administer: "do an admin's work (users, tokens, dead letters)"
        }
    }

    /// Why `user` may not do this, or nil when one of their roles allows it. The agent acts only
    /// through the scheduler and webhooks, never as a person: it is refused everything here.
    public func refusal(for user: CloserUser) -> AccessRefusal? {
        if user.isAgent { return .agentActsAlone(action: self) }
        if !user.active { return .inactive(login: user.login) }
        return user.roles.isDisjoint(with: roles) ? .missingRole(login: user.login, action: self) : nil
    }
}
