public import Foundation

/// Who the audit trail names for work started from this process: CLOSER_ACTOR, else the OS user.
public enum ActorIdentity {
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        environment["CLOSER_ACTOR"] ?? environment["USER"] ?? environment["LOGNAME"]
            ?? getpwuid(getuid()).flatMap { String(validatingCString: $0.pointee.pw_name) } ?? "uid-\(getuid())"
    }
}
