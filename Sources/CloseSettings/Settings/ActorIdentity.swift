public import Foundation

/// The operating-system account a process runs as, as the audit trail names work nobody signed in
/// for (a pull, a check). Written "os:LOGIN": Closer logins have no ':', so it is never taken for a
/// proven Closer user.
public enum ActorIdentity {
    public static func operatingSystemAccount(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        "os:" + operatingSystemLogin(environment: environment)
    }

    /// The account's login name alone, e.g. to ask for the password of the Closer user of that name.
    public static func operatingSystemLogin(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        environment["USER"] ?? environment["LOGNAME"]
            ?? getpwuid(getuid()).flatMap { String(validatingCString: $0.pointee.pw_name) } ?? "uid-\(getuid())"
    }
}
