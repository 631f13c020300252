import Foundation

/// Runs a peer benchmark (Python, Odoo) as a child process and hands back what it printed on stdout;
/// its stderr goes to ours, so its progress and errors stay visible.
enum PeerProcess {
    /// The peer's stdout, or nil when it could not start or exited with an error.
    static func output(_ arguments: [String], environment: [String: String] = [:]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let output = Pipe()
        process.standardOutput = output
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
