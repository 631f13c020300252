import Foundation
import Governance
import Synchronization

/// Failed sign-ins (wrong passwords, unknown or revoked API tokens) counted per client address, so
/// one address guessing at many logins or tokens is slowed down as one guessing at a single login
/// is (the store counts those per login). Same back-off as LoginThrottle, without a lock: an address
/// is shared (an office, a proxy) and its people must not be locked out by one of them. Kept in
/// memory: a restart forgets it, which only gives a guesser what the per-login count still holds.
final class AddressThrottle: Sendable {
    private struct Record {
        var failures: Int
        var last: Date
    }

    private let throttle: LoginThrottle
    private let capacity: Int
    private let records = Mutex<[String: Record]>([:])

    init(throttle: LoginThrottle = LoginThrottle(), capacity: Int = 10_000) {
        self.throttle = throttle
        self.capacity = capacity
    }

    /// Seconds `address` must still wait before its next sign-in is even checked; nil when it may try now.
    func wait(for address: String?, at date: Date = Date()) -> Int? {
        guard let address, let record = records.withLock({ $0[address] }) else { return nil }
        let next = throttle.nextAttempt(failures: record.failures, last: record.last)
        return next > date ? Int(next.timeIntervalSince(date).rounded(.up)) : nil
    }

    /// Counts a failure; returns how many in a row the address has now.
    @discardableResult
    func recordFailure(from address: String?, at date: Date = Date()) -> Int {
        guard let address else { return 0 }
        return records.withLock { records in
            if records.count >= capacity, records[address] == nil { forgetSettled(&records, at: date) }
            let failures = (records[address]?.failures ?? 0) + 1
            records[address] = Record(failures: failures, last: date)
            return failures
        }
    }

    /// A sign-in that worked clears the address's count.
    func recordSuccess(from address: String?) {
        guard let address else { return }
        _ = records.withLock { $0.removeValue(forKey: address) }
    }

    /// Keeps memory bounded under a spray from many addresses: drops the records whose longest wait
    /// has passed, then, if still full, the oldest half.
    private func forgetSettled(_ records: inout [String: Record], at date: Date) {
        records = records.filter { date.timeIntervalSince($0.value.last) < throttle.longestWait }
        guard records.count >= capacity else { return }
        let oldest = records.sorted { $0.value.last < $1.value.last }.prefix(records.count / 2).map(\.key)
        for key in oldest { records.removeValue(forKey: key) }
    }
}
