/// A stored bill the new one looks like a duplicate of, with every signal seen, the score of the
/// strongest, and the reason in words.
public struct DuplicateHit: Sendable, Codable, Hashable {
    public var bill: VendorBill
    public var original: VendorBill
    /// Strongest first.
    public var signals: [DuplicateSignal]
    public var score: Double
    public var reason: String

    public init(bill: VendorBill, original: VendorBill, signals: [DuplicateSignal], reason: String) {
        self.bill = bill
        self.original = original
        self.signals = signals.sorted()
        self.score = self.signals.first?.score ?? 0
        self.reason = reason
    }
}
