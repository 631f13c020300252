public import Ledger

/// Which of Odoo's lock dates a period lock sets (rule set `lock:`), and whether the irreversible
/// hard lock may be among them at all (it still needs `--confirm-hard-lock` on the approval).
public struct LockPolicy: Sendable, Hashable {
    public var fields: [LockDateField]
    public var allowHardLock: Bool

    public init(fields: [LockDateField] = [.fiscalYear], allowHardLock: Bool = false) {
        self.fields = fields
        self.allowHardLock = allowHardLock
    }
}
