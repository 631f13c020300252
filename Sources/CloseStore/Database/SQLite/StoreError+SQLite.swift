import GRDB

extension StoreError {
    /// SQLite's failures that come from the file or the machine, not from Closer's queries; nil for the
    /// others (a broken query is a bug to report as it is).
    init?(_ error: DatabaseError, path: String) {
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: self = .damaged(path: path)
        case .SQLITE_READONLY: self = .readOnly(path: path)
        case .SQLITE_FULL: self = .diskFull(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: self = .busy(path: path)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            self = .cannotOpen(path: path, reason: "it cannot be opened as a file (a folder by that name, or no permission to read it)")
        case .SQLITE_IOERR: self = .cannotOpen(path: path, reason: "the disk reported an error reading or writing it")
        default: return nil
        }
    }
}
