public import CloseStore
public import Ledger
import Foundation

/// The audit events about one company's period, with the verdict on the whole chain: an excerpt
/// cannot be verified on its own, so the package says whether the trail it was cut from is intact.
public struct AuditExcerpt: Sendable, Codable {
    /// The records of the period that events name by id rather than by source and period.
    public struct Scope: Sendable {
        public var sourceKey: SourceKey
        public var period: Period
        public var adjustmentIDs: Set<Int64>
        public var matchProposalIDs: Set<Int64>
        public var statementLineIDs: Set<Int>
        /// The period's vendor bills the intake reviewed: their holds and releases name the bill and its ledger.
        public var billIDs: Set<Int>
    }

    public var verification: AuditVerification
    public var events: [AuditEvent]
    /// The newest signed checkpoint of the whole trail when the package was made: a copy of the head outside
    /// the store, so a later rewrite of the trail no longer matches what the package carries.
    public var latestCheckpoint: AuditCheckpoint?

    public init(events: [AuditEvent], verification: AuditVerification, latestCheckpoint: AuditCheckpoint?, scope: Scope) {
        self.verification = verification
        self.latestCheckpoint = latestCheckpoint
        self.events = events.filter { Self.touches($0, scope) }
    }

    /// An event touches the period when its payload names this source and period, or when it targets one
    /// of the period's proposals, statement lines or reviewed bills (of this source) (events naming a period but no source could be
    /// another company's, so they are left out).
    static func touches(_ event: AuditEvent, _ scope: Scope) -> Bool {
        let payload = (try? JSONDecoder().decode([String: String].self, from: Data(event.payload.utf8))) ?? [:]
        if payload["period"] == scope.period.description && payload["source"] == scope.sourceKey.text { return true }
        return event.targets.contains { target in
            switch target.model {
            case "closer.adjustment_proposal": Int64(target.id).map(scope.adjustmentIDs.contains) ?? false
            case "closer.match_proposal": Int64(target.id).map(scope.matchProposalIDs.contains) ?? false
            case "account.bank.statement.line": Int(target.id).map(scope.statementLineIDs.contains) ?? false
            case "account.move": payload["source"] == scope.sourceKey.text && (Int(target.id).map(scope.billIDs.contains) ?? false)
            default: false
            }
        }
    }
}
