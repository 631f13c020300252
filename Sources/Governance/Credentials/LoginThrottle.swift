public import Foundation

/// How failed logins slow the next guess at an account: the first `free` failures in a row cost
/// nothing, each one after that makes the next attempt wait twice as long as the last (up to
/// `longestWait`), and `lockAfter` failures lock the account until an admin lifts the lock. While
/// an attempt must wait, or the account is locked, the password is not even checked.
public struct LoginThrottle: Sendable, Equatable {
    public var free: Int
    public var firstWait: TimeInterval
    public var longestWait: TimeInterval
    public var lockAfter: Int

    public init(free: Int = 5, firstWait: TimeInterval = 1, longestWait: TimeInterval = 900, lockAfter: Int = 20) {
        self.free = free
        self.firstWait = firstWait
        self.longestWait = longestWait
        self.lockAfter = lockAfter
    }

    /// The earliest moment the next attempt is checked, after `failures` in a row, the last at `last`.
    public func nextAttempt(failures: Int, last: Date) -> Date {
        guard failures >= free else { return last }
        let doublings = min(failures - free, 30)
        return last.addingTimeInterval(min(longestWait, firstWait * Double(1 << doublings)))
    }

    public func locks(failures: Int) -> Bool { failures >= lockAfter }
}
