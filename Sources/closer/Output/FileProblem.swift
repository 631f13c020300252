import Foundation

/// A file Closer could not read or write, in a sentence: Foundation's own errors name a domain and a
/// code ("NSCocoaErrorDomain Code=513"), which tell a user nothing.
struct FileProblem: Error, CustomStringConvertible {
    var path: String
    var cause: String

    init?(_ error: any Error) {
        let error = error as NSError
        guard error.domain == NSCocoaErrorDomain || error.domain == NSPOSIXErrorDomain else { return nil }
        path = (error.userInfo[NSFilePathErrorKey] as? String) ?? (error.userInfo[NSURLErrorKey] as? URL)?.path ?? "a file"
        cause = switch CocoaError.Code(rawValue: error.code) {
        case .fileWriteNoPermission, .fileReadNoPermission: "no permission to use it (check the folder's permissions, or choose another path)"
        case .fileNoSuchFile, .fileReadNoSuchFile: "it does not exist (check the path)"
        case .fileWriteOutOfSpace: "the disk is full (free some space and run the command again)"
        case .fileWriteVolumeReadOnly: "the disk is read-only (choose a path on a writable disk)"
        case .fileWriteFileExists: "something is already there, e.g. a file where a folder should be (choose another path)"
        default: "the system refused (check the path and its permissions)"
        }
    }

    var description: String { "Closer could not use \(path): \(cause)." }
}
