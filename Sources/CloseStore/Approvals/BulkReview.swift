public import Governance

/// Several decisions taken one at a time, each in its own transaction: what was decided, and what was
/// refused with the sentence saying why. One refusal never stops the others.
public struct BulkReview<Proposal: Sendable & Codable>: Sendable, Codable {
    public struct Refused: Sendable, Codable, Hashable {
        public var id: Int64
        public var reason: String
    }

    public var decided: [Reviewed<Proposal>] = []
    public var refused: [Refused] = []

    public init() {}

    /// Decides every id with `decide`; a refusal (the policy's, or a proposal that cannot be decided) is
    /// recorded and the next id is tried. Any other error — the store failing — still stops the batch.
    public init(_ ids: [Int64], decide: (Int64) throws -> Reviewed<Proposal>) throws {
        for id in ids {
            do {
                decided.append(try decide(id))
            } catch let refusal as any DecisionRefusal {
                refused.append(Refused(id: id, reason: refusal.description))
            }
        }
    }
}

/// An error that means "this decision is not allowed", as opposed to "the store could not run it".
public protocol DecisionRefusal: Error, CustomStringConvertible {}

extension ApprovalRefusal: DecisionRefusal {}
extension AdjustmentReviewError: DecisionRefusal {}
extension MatchReviewError: DecisionRefusal {}
