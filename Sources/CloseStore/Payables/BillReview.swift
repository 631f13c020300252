public import Foundation
public import Ledger
public import Payables

/// A vendor bill as Closer's intake left it: the verdict, whether the bill may be paid, and who let it go.
public struct BillReview: Sendable, Codable, Hashable {
    public enum Status: String, Sendable, Codable, Hashable, CaseIterable {
        /// Nothing found (or what was found is gone on a later check).
        case clear
        /// Noted on the bill; nothing stops it.
        case warned
        /// Held or awaiting a second approver: no payment until the match passes or someone releases it.
        case blocked
        /// Someone other than its preparer let it go despite what was found.
        case released
    }

    public var sourceKey: SourceKey
    public var billID: Int
    public var status: Status
    public var verdict: BillVerdict
    /// The Odoo login that created the bill; it may not release its own bill.
    public var preparerLogin: String?
    /// When the current problems were first found; nil while clear.
    public var flaggedAt: String?
    public var checkedAt: String
    public var release: Release?
    /// Whether Closer set Odoo's own payment block on the bill (and so lifts it).
    public var blockedInOdoo: Bool

    public struct Release: Sendable, Codable, Hashable {
        public var by: String
        public var at: String
        public var reason: String
    }

    public var blocksPayment: Bool { status == .blocked }

    /// Days since the problems were found, for the queue's aging.
    public func ageDays(asOf now: Date = Date()) -> Int? {
        flaggedAt.flatMap { Self.days(since: $0, asOf: now) }
    }

    /// Whole days from a stored UTC time ("2026-11-22T20:43:50.123Z") to `now`; nil when it does not parse.
    static func days(since stored: String, asOf now: Date) -> Int? {
        let format = ISO8601DateFormatter()
        format.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = format.date(from: stored) else { return nil }
        return max(0, Int(now.timeIntervalSince(date) / 86_400))
    }
}
