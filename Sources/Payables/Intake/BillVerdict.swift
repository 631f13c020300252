import Foundation
import Ledger

/// What the intake checks concluded about one vendor bill: the duplicates it looks like, the lines
/// its order match did not pass, the action the rules give them, and the reasons in words.
public struct BillVerdict: Sendable, Codable, Hashable {
    public var bill: VendorBill
    /// Earlier bills this one looks like, strongest first.
    public var duplicates: [DuplicateHit]
    public var exceptions: [MatchException]
    /// nil when nothing was found: the bill is touchless.
    public var action: IntakeAction?
    /// One sentence a problem, each with what to do.
    public var reasons: [String]

    public init(bill: VendorBill, duplicates: [DuplicateHit], match: BillMatch?, rules: IntakeRules) {
        self.bill = bill
        self.duplicates = duplicates.sorted { ($0.score, $1.original.id) > ($1.score, $0.original.id) }
        exceptions = match?.exceptions ?? []
        let actions = self.duplicates.map(rules.action(for:)) + (exceptions.isEmpty ? [] : [rules.matchExceptionAction])
        action = actions.max()
        reasons = self.duplicates.map { hit in
            let sentence = hit.reason.hasSuffix(".") ? String(hit.reason.dropLast()) : hit.reason
            return "\(sentence) (score \(String(format: "%.2f", hit.score)))."
        }
            + exceptions.map { "\($0.message) \($0.fix)" }
    }

    public var isTouchless: Bool { action == nil }
    public var blocksPayment: Bool { action?.blocksPayment ?? false }

    /// What was found, independent of wording and order: the same problems found again give the same
    /// text, so a rerun changes nothing; a new problem gives a new one.
    public var problemKey: String {
        let duplicateKeys = duplicates.map { hit in
            "dup:\(hit.original.source.text)#\(hit.original.id):" + hit.signals.map(\.rawValue).sorted().joined(separator: "+")
        }
        let exceptionKeys = exceptions.map { "match:\($0.kind.rawValue):\($0.billLineID.map(String.init) ?? "bill")" }
        return (duplicateKeys + exceptionKeys).sorted().joined(separator: ",")
    }
}
