import Duties
import Testing

/// Duties from Odoo's access rights and groups, as Odoo 18 ships them (ids made up, shapes as in its CSV files).
struct DutyRightsTests {
    // base.group_user 1, base.group_partner_manager 2, account.group_account_invoice 3, account.group_account_manager 4
    // (implies 3), account.group_validate_bank_account 5, purchase.group_purchase_user 6, base.group_system 9.
    static let rights = DutyRights(
        access: [
            ModelAccess(model: "res.partner", groupID: 1, write: false, create: false),
            ModelAccess(model: "res.partner", groupID: 2, write: true, create: true),
            ModelAccess(model: "res.partner.bank", groupID: 2, write: true, create: true),
            ModelAccess(model: "account.move", groupID: 3, write: true, create: true),
            ModelAccess(model: "account.move", groupID: 6, write: true, create: true),
            ModelAccess(model: "account.payment", groupID: 3, write: true, create: true),
        ],
        groups: OdooGroupSet(names: [1: "User", 2: "Contact Creation", 3: "Invoicing", 4: "Accounting / Administrator", 5: "Validate bank account",
                                     6: "Purchase / User", 9: "Settings"],
                             implied: [4: [3, 1], 3: [1], 6: [1], 9: [1]], administrator: 9, invoicing: 3, validateBankAccounts: 5))

    @Test func anInvoicingUserPostsAndPaysButKeepsNoVendors() {
        let grants = Self.rights.grants(holding: [1, 3])
        #expect(grants.map(\.duty) == [.postBills, .pay])
        #expect(grants.allSatisfy { $0.grantedBy == ["Invoicing"] })
    }

    @Test func impliedGroupsCountAndEveryHeldGroupThatGivesADutyIsNamed() {
        // Only the administrator group held: Invoicing comes through its implication.
        #expect(Self.rights.grants(holding: [4]).first { $0.duty == .pay }?.grantedBy == ["Accounting / Administrator"])
        #expect(Self.rights.grants(holding: [4, 3, 1]).first { $0.duty == .postBills }?.grantedBy == ["Accounting / Administrator", "Invoicing"])
    }

    @Test func writingBillsWithoutInvoicingIsNotPostingAndTrustTakesItsGroup() {
        // A purchase user may write bills but Odoo's _post refuses anyone outside Invoicing.
        #expect(Self.rights.grants(holding: [6, 1]).isEmpty)
        #expect(Self.rights.grants(holding: [2]).map(\.duty) == [.maintainVendors, .maintainBankDetails])
        let trusting = Self.rights.grants(holding: [2, 5])
        #expect(trusting.map(\.duty) == [.maintainVendors, .maintainBankDetails, .trustBankAccounts])
        #expect(trusting.last?.grantedBy == ["Contact Creation", "Validate bank account"])
    }

    @Test func settingsMakesAnAdministrator() {
        #expect(Self.rights.isAdministrator(holding: [9]) && !Self.rights.isAdministrator(holding: [4]))
    }
}
