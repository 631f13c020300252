public import CloseSettings
public import CloseStore
public import Ledger
import Markup
import OdooLedger
import Receivables

/// What a collector records about a customer: a promise to pay (checked against the pulled ledger: the
/// invoices must be the customer's and open) and a dispute, which takes the invoice out of the reminders
/// and, outside audit mode, gives its owner a To-Do on the invoice in Odoo.
public struct CollectorRecordsService: Sendable {
    public var store: AppDatabase
    public var actor: String
    public var settings: OdooSettings?

    public init(store: AppDatabase, actor: String, settings: OdooSettings?) {
        self.store = store
        self.actor = actor
        self.settings = settings
    }

    /// `invoiceIDs` empty: every invoice the customer has open. `amount` (decimal text in the company currency) nil: all of it.
    public func promise(sourceKey: SourceKey, customerID: Int, invoiceIDs: [Int], promisedOn: LocalDate, amount: String?, note: String?) throws -> PromiseToPay {
        let ledger = try CollectionsLedger(store: store, sourceKey: sourceKey)
        let open = ledger.openInvoices(customerID: customerID, ids: invoiceIDs)
        if let unknown = invoiceIDs.first(where: { id in !open.contains { $0.id == id } }) {
            throw CollectorRecordError.notOpenInvoice(unknown, customerID: customerID)
        }
        guard let first = open.first else { throw CollectorRecordError.nothingOpen(customerID: customerID) }
        let currency = ledger.snapshot.company.currency
        let openTotal = currency.money(open.reduce(Int64(0)) { $0 + $1.open.minorUnits })
        let promised = try amount.map { try Money(parsing: $0, currency: currency.code, scale: currency.decimalPlaces) } ?? openTotal
        return try store.recordPromise(sourceKey: sourceKey, customerID: customerID, customerName: first.customerName, invoiceIDs: invoiceIDs,
                                       promisedOn: promisedOn, amount: promised, openAtRecording: openTotal, note: note, actor: actor)
    }

    /// Opens a dispute on a customer invoice of the ledger; its owner is `ownerLogin`, else the invoice's salesperson in Odoo.
    public func dispute(sourceKey: SourceKey, invoiceID: Int, reason: String, ownerLogin: String?, asOf: LocalDate = .todayUTC()) async throws -> InvoiceDispute {
        let ledger = try CollectionsLedger(store: store, sourceKey: sourceKey)
        guard let invoice = ledger.book.invoices.first(where: { $0.id == invoiceID }) else { throw CollectorRecordError.notCustomerInvoice(invoiceID) }
        var dispute = try store.recordDispute(sourceKey: sourceKey, invoice: (invoice.id, invoice.name), customer: (invoice.customerID, invoice.customerName),
                                              reason: reason, ownerLogin: ownerLogin, actor: actor)
        guard let settings, settings.mode != .audit else { return dispute }
        let source = try OdooGateway.source(settings, writingTo: sourceKey, what: "the disputed invoice", action: "hand the dispute to its owner")
        let chatter = OdooChatter(client: source.client)
        guard let thread = try await chatter.thread(for: RecordRef(model: "account.move", id: invoice.id, name: invoice.name)) else { return dispute }
        let marker = "[closer:dispute:\(dispute.id)]"
        var owner: Int?
        if let ownerLogin { owner = try await chatter.internalUser(login: ownerLogin) }
        let activity: Int
        if let earlier = try await chatter.activity(containing: marker, on: thread) {
            activity = earlier
        } else {
            activity = try await chatter.scheduleToDo(
                on: thread, summary: "Customer disputes \(invoice.name)",
                note: HTML(lines: "\(invoice.customerName) disputes \(invoice.name) (\(invoice.open) open): \(dispute.reason)\n"
                           + "Recorded by \(actor) in Closer; the invoice gets no reminder until the dispute is resolved. " + marker).markup,
                deadline: asOf.adding(days: 5), assignee: owner)
        }
        try store.setDisputeActivity(dispute.id, activityID: activity)
        dispute.odooActivityID = activity
        return dispute
    }
}

/// A collector's record that does not fit the pulled ledger, and what to do.
public enum CollectorRecordError: Error, CustomStringConvertible, Equatable {
    case notOpenInvoice(Int, customerID: Int)
    case nothingOpen(customerID: Int)
    case notCustomerInvoice(Int)

    public var description: String {
        switch self {
        case .notOpenInvoice(let id, let customer):
            "Invoice \(id) is not an open invoice of customer \(customer) in the pulled ledger: check the ids (`closer collections worklist`) or pull again."
        case .nothingOpen(let customer):
            "Customer \(customer) has no open invoice in the pulled ledger: nothing to promise (pull again if a new invoice is missing)."
        case .notCustomerInvoice(let id):
            "Entry \(id) is not a posted customer invoice in the pulled ledger: disputes are about customer invoices (pull again if it is new)."
        }
    }
}
