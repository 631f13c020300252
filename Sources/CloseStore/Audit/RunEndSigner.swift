import Foundation
import Governance

/// The key a store signs its audit head with when a run finishes, held in memory only (it comes from
/// configuration outside the store and is never written to it). Set once by whoever opened the store.
final class RunEndSigner: @unchecked Sendable {
    private let lock = NSLock()
    private var key: AuditSigningKey?

    var current: AuditSigningKey? {
        lock.lock()
        defer { lock.unlock() }
        return key
    }

    func use(_ key: AuditSigningKey?) {
        lock.lock()
        defer { lock.unlock() }
        self.key = key
    }
}
