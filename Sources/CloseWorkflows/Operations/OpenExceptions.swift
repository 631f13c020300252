import CloseStore
import Foundation
import Governance
import Ledger
import Payables

/// The open business exceptions each area's tables hold, as the operations board lists them. One extension per area.
struct OpenExceptions {
    var store: AppDatabase
    var policy: ExceptionPolicy
    var intake: IntakeRules

    /// An exception owned by `owner` when the record has its own decider, else by the policy's owner of its kind.
    func exception(_ family: ExceptionFamily, _ kind: String, source: SourceKey, subject: String, reason: String, record: RecordRef?,
                   owner: String? = nil, openedAt stored: String) -> BusinessException {
        let ownership = policy.ownership(of: family, kind: kind)
        return BusinessException(family: family, kind: kind, sourceKey: source.text, subject: subject, reason: reason, record: record,
                                 owner: owner ?? ownership.owner, openedAt: Self.date(stored), slaDays: ownership.slaDays)
    }

    /// The store's UTC text ("2026-12-05T10:11:12.345Z") as a date, to the second.
    static func date(_ stored: String) -> Date {
        Date(timeIntervalSince1970: TimeInterval((Timestamp(odoo: stored) ?? Timestamp(secondsSinceEpoch: 0)).secondsSinceEpoch))
    }

    /// The exceptions only live reviews find (expenses, duties), as their last review left them.
    func sighted() throws -> [BusinessException] {
        try store.openExceptionSightings().map { sighting in
            exception(sighting.family, sighting.kind, source: sighting.sourceKey, subject: sighting.subject, reason: sighting.reason,
                      record: sighting.record, owner: sighting.owner, openedAt: sighting.firstSeenAt)
        }
    }
}
