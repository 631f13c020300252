import CloseStore
import Ledger

/// A promise to pay as the API sends it: amounts as exact decimal text in the company currency.
struct PromiseJSON: Encodable, Sendable {
    var id: Int64
    var sourceKey: SourceKey
    var customerID: Int
    var customer: String
    /// Empty: every invoice the customer had open when it was recorded.
    var invoiceIDs: [Int]
    var promisedOn: LocalDate
    var amount: String
    /// What those invoices had open when the promise was recorded.
    var openAtRecording: String
    var currency: String
    var note: String?
    var recordedBy: String
    var recordedAt: String
    var status: String
    var resolvedAt: String?

    init(_ promise: PromiseToPay) {
        id = promise.id
        sourceKey = promise.sourceKey
        customerID = promise.customerID
        customer = promise.customerName
        invoiceIDs = promise.invoiceIDs
        promisedOn = promise.promisedOn
        amount = promise.amount.decimalText
        openAtRecording = promise.openAtRecording.decimalText
        currency = "\(promise.amount.currency)"
        note = promise.note
        recordedBy = promise.recordedBy
        recordedAt = promise.recordedAt
        status = promise.status.rawValue
        resolvedAt = promise.resolvedAt
    }
}
