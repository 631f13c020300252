import ArgumentParser
import Foundation

/// A new password, from CLOSER_NEW_PASSWORD or standard input (asked for without echo on a
/// terminal): a flag would leave it in the shell history and the process list.
enum NewPassword {
    static func read(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        if let password = environment["CLOSER_NEW_PASSWORD"], !password.isEmpty { return password }
        let line: String?
        if isatty(STDIN_FILENO) == 1 {
            line = getpass("New password: ").map { String(cString: $0) }
        } else {
            line = Swift.readLine(strippingNewline: true)
        }
        guard let line, !line.isEmpty else {
            throw ValidationError("Give the new password on standard input or in CLOSER_NEW_PASSWORD.")
        }
        return line
    }
}
