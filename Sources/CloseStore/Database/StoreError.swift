public import Ledger

/// Why the store could not do what was asked, in words a user can act on.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    case notFound(path: String)
    case cannotOpen(path: String, reason: String)
    case damaged(path: String)
    case readOnly(path: String)
    case diskFull(path: String)
    case busy(path: String)
    case outdated(path: String)
    case unknownCompany(SourceKey)
    case periodNotPulled(source: SourceKey, period: Period, window: DateRange)
    /// A firm worker's lease of `job` was taken over: the store holds a newer token than this worker's.
    case fenced(path: String, job: String, token: Int64, current: Int64)
    /// A store on PostgreSQL that cannot be reached or refused the session (`store` names it without its password).
    case unavailable(store: String, reason: String)

    public var description: String {
        switch self {
        case .notFound(let path):
            "There is no Closer store at \(path): check the path (--store or CLOSER_STORE), or run `closer pull` (or `closer demo`) to create one."
        case .cannotOpen(let path, let reason):
            "Cannot open the Closer store at \(path): \(reason). Check the path (--store or CLOSER_STORE) and its permissions."
        case .damaged(let path):
            "The Closer store at \(path) is damaged: parts of the file are not what SQLite wrote there (a disk fault, or the file was "
                + "changed outside Closer). Keep the file for investigation, then restore it from a backup or pull the ledger into a new "
                + "store (`closer pull --store NEW.sqlite`); `closer audit verify --store \(path)` reports what it can still read."
        case .readOnly(let path):
            "The Closer store at \(path) is read-only and this command writes to it: work on a writable copy, or fix the file's "
                + "permissions (`closer audit verify` reads a read-only store)."
        case .diskFull(let path):
            "The disk holding the Closer store at \(path) is full: free some space and run the command again (nothing half-written was kept)."
        case .busy(let path):
            "Another Closer command is writing to the store at \(path): wait for it to finish, then run this one again."
        case .outdated(let path):
            "The Closer store at \(path) was written by an older Closer and cannot be read without upgrading it: run a command that "
                + "writes to it (e.g. `closer check`) on a writable copy first."
        case .unknownCompany(let key):
            "Nothing has been pulled for \(key) yet: run `closer pull` first."
        case .periodNotPulled(let source, let period, let window):
            "The ledger \(source) was pulled for \(window), which does not cover \(period): run `closer pull --period \(period)` first."
        case .fenced(let path, let job, let token, let current):
            "The store at \(path) was written for job \(job) under a newer lease (token \(current); this worker's is \(token)): this worker "
                + "lost its lease and writes nothing more. The job's current holder does the work."
        case .unavailable(let store, let reason):
            "The Closer store at \(store) cannot be used: \(reason). Check that PostgreSQL runs there and that the URL's user, password, "
                + "database and ?schema= are right (--store or CLOSER_STORE)."
        }
    }
}
