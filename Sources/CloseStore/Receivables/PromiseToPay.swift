public import Ledger

/// A customer's promise to pay, as a collector recorded it: by when, how much, for which invoices, and
/// what those invoices had open then, so what came in since can be told from the ledger.
public struct PromiseToPay: Sendable, Codable, Hashable {
    public enum Status: String, Sendable, Codable, Hashable, CaseIterable { case open, kept, broken }

    public var id: Int64
    public var sourceKey: SourceKey
    public var customerID: Int
    public var customerName: String
    public var invoiceIDs: [Int]
    public var promisedOn: LocalDate
    public var amount: Money
    public var openAtRecording: Money
    public var note: String?
    public var recordedBy: String
    public var recordedAt: String
    public var status: Status
    public var resolvedAt: String?

    /// Kept once the invoices' open amount fell by the promised amount; broken once `graceDays` passed after
    /// the promised day without it; open until then.
    public func outcome(openNow: Money, asOf: LocalDate, graceDays: Int) -> Status {
        if openAtRecording.minorUnits - openNow.minorUnits >= amount.minorUnits || openNow.minorUnits <= 0 { return .kept }
        return asOf > promisedOn.adding(days: graceDays) ? .broken : .open
    }
}

/// A collector's record that the customer contests an invoice: it leaves the reminders and goes to its owner.
public struct InvoiceDispute: Sendable, Codable, Hashable {
    public enum Status: String, Sendable, Codable, Hashable, CaseIterable { case open, resolved }

    public var id: Int64
    public var sourceKey: SourceKey
    public var invoiceID: Int
    public var invoiceName: String
    public var customerID: Int
    public var customerName: String
    public var reason: String
    /// Who sorts it out (an Odoo and Closer login): the invoice's salesperson unless the collector named someone.
    public var ownerLogin: String?
    public var recordedBy: String
    public var recordedAt: String
    public var status: Status
    public var resolvedBy: String?
    public var resolvedAt: String?
    public var resolution: String?
    public var odooActivityID: Int?
}
