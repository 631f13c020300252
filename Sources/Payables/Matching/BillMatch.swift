/// How a bill came out of the order match: matched, or with the exceptions that keep it from payment.
public struct BillMatch: Sendable, Codable, Hashable {
    public var bill: VendorBill
    public var exceptions: [MatchException]
    /// Lines that bill an order line and passed every check.
    public var matchedLines: Int

    public init(bill: VendorBill, exceptions: [MatchException], matchedLines: Int) {
        self.bill = bill
        self.exceptions = exceptions
        self.matchedLines = matchedLines
    }

    public var isMatched: Bool { exceptions.isEmpty }
}
