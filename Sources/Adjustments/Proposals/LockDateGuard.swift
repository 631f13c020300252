public import Ledger

/// Refuses entries Odoo would refuse for its lock dates, before anything is sent, with the reason.
/// Odoo 18: the fiscal-year and hard lock apply to every entry, the sale and purchase locks to
/// their journals, the tax lock to entries with taxes; Odoo 16/17's period lock to every entry.
public struct LockDateGuard: Sendable {
    public var lockDates: LockDates

    public init(lockDates: LockDates) { self.lockDates = lockDates }

    /// Why an entry dated `date` in a journal of `journalType` cannot be written, or nil when it can.
    public func refusal(date: LocalDate, journalType: JournalType?, hasTaxes: Bool = false) -> String? {
        var locks: [(name: String, date: LocalDate?)] = [
            ("hard lock date", lockDates.hard), ("fiscal year lock date", lockDates.fiscalYear), ("lock date", lockDates.period),
        ]
        if journalType == .sale { locks.append(("sales lock date", lockDates.sale)) }
        if journalType == .purchase { locks.append(("purchase lock date", lockDates.purchase)) }
        if hasTaxes { locks.append(("tax lock date", lockDates.tax)) }
        guard let lock = locks.first(where: { $0.date.map { date <= $0 } ?? false }), let locked = lock.date else { return nil }
        return "dated \(date), inside the period locked by the company's \(lock.name) (\(locked)): date it after \(locked) or have the lock lifted in Odoo"
    }
}
