import Foundation
import Testing

/// Runs the built `closer` executable, as a user would, and captures what it prints.
struct CloserBinary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var all: String { stdout + stderr }
    }

    static var url: URL {
        // The test runner lives in the same build folder as the executables it depends on.
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [folder, folder.deletingLastPathComponent()].map { $0.appendingPathComponent("closer") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// Runs the command to its end. The wait happens on a thread of its own, never on one of the few threads the
    /// concurrent tests share (on two cores, a test blocking one starves the rest of the suite).
    static func run(_ arguments: [String], environment extra: [String: String] = [:], executable: URL = url, in directory: URL? = nil) async throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("CLOSER_") }
        environment.merge(extra) { _, new in new }
        process.environment = environment
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                // Both pipes drained at once: a command filling one while nobody reads it would never end.
                let errors = ErrorReader(err.fileHandleForReading)
                let stdout = out.fileHandleForReading.readDataToEndOfFile()
                let stderr = errors.wait()
                process.waitUntilExit()
                continuation.resume(returning: Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                                      stderr: String(decoding: stderr, as: UTF8.self)))
            }
        }
    }

    /// Reads a pipe to its end on a thread of its own.
    private final class ErrorReader: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var data = Data()

        init(_ handle: FileHandle) {
            Thread.detachNewThread { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }
        }

        func wait() -> Data {
            done.wait()
            return data
        }
    }

    /// Waits for a long-running command (a worker) without holding a thread, and kills it when it outlives
    /// `limit`: a command that hangs fails its test instead of the whole run.
    static func exit(of process: Process, within limit: Duration = .seconds(180)) async throws {
        let deadline = ContinuousClock.now + limit
        while process.isRunning {
            guard ContinuousClock.now < deadline else {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                Issue.record("\(process.arguments?.first ?? "the command") still running after \(limit): killed")
                return
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        process.waitUntilExit()   // returns at once; makes the termination status readable
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("closer-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Makes a file read-only for whoever runs the tests, root included (immutable when chattr is allowed);
    /// returns what undoes it.
    static func makeReadOnly(_ path: String) throws -> () -> Void {
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        let immutable = getuid() == 0 && tool("/usr/bin/chattr", ["+i", path]) == 0
        return {
            if immutable { _ = tool("/usr/bin/chattr", ["-i", path]) }
            try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        }
    }

    private static func tool(_ path: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
