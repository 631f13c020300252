import Foundation
import Testing

/// Stores are precious (issue 16): the demo never replaces real work, a mistyped path is not a new
/// empty store, and `audit verify` reads a read-only or damaged store and says what it found.
@Suite(.serialized) struct StoreSafetyCommandTests {
    @Test func theDemoRefusesAStoreWithUsersAndLeavesItByteForByte() async throws {
        let directory = try CloserBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("closer.sqlite").path
        let demo = ["demo", "--lines", "3000", "--store", store, "--json"]

        #expect(try await CloserBinary.run(demo, in: directory).status == 0)
        #expect(try await CloserBinary.run(demo, in: directory).status == 0, "an earlier demo may be replaced")

        let added = try await CloserBinary.run(["users", "add", "ann", "--name", "Ann", "--role", "controller", "--store", store], in: directory)
        #expect(added.status == 0, "\(added.all)")
        let before = try Data(contentsOf: URL(fileURLWithPath: store))
        let refused = try await CloserBinary.run(demo, in: directory)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains(store) && refused.stderr.contains("1 user") && refused.stderr.contains("--replace"), "\(refused.all)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before, "the refused store is unchanged")

        let replaced = try await CloserBinary.run(demo + ["--replace"], in: directory)
        #expect(replaced.status == 0, "\(replaced.all)")
    }

    @Test func aStoreThatDoesNotExistIsRefusedNotCreated() async throws {
        let directory = try CloserBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("does-not-exist.sqlite").path
        for command in [["audit", "verify"], ["check", "--period", "2026-10"], ["flux", "--period", "2026-10"], ["users", "list"], ["proposals"]] {
            let result = try await CloserBinary.run(command + ["--store", missing], in: directory)
            #expect(result.status != 0, "\(command): \(result.all)")
            #expect(result.stderr.contains(missing) && result.stderr.contains("closer pull"), "\(command): \(result.all)")
            #expect(!FileManager.default.fileExists(atPath: missing), "\(command) created \(missing)")
        }
    }

    @Test func auditVerifyReadsAReadOnlyStoreAndNamesTheFile() async throws {
        let directory = try CloserBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("auditor.sqlite").path
        #expect(try await CloserBinary.run(["demo", "--lines", "3000", "--store", store, "--json"], in: directory).status == 0)
        let restore = try CloserBinary.makeReadOnly(store)
        defer { restore() }
        let verified = try await CloserBinary.run(["audit", "verify", "--store", store], in: directory)
        #expect(verified.status == 0, "\(verified.all)")
        #expect(verified.stdout.contains(store) && verified.stdout.contains("intact") && verified.stdout.contains("integrity"), "\(verified.all)")
    }

    @Test func aDamagedStoreFailsVerificationAndEveryCommandSaysSoInASentence() async throws {
        let directory = try CloserBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("damaged.sqlite").path
        #expect(try await CloserBinary.run(["demo", "--lines", "3000", "--store", store, "--json"], in: directory).status == 0)
        // Garbage over pages in the middle of the file, as a failing disk or a stray write leaves it.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: store))
        let pageSize = 4096, middle = bytes.count / 2 / pageSize * pageSize
        bytes.replaceSubrange(middle..<min(bytes.count, middle + 8 * pageSize), with: Data(repeating: 0xA5, count: min(bytes.count - middle, 8 * pageSize)))
        try bytes.write(to: URL(fileURLWithPath: store))

        let verified = try await CloserBinary.run(["audit", "verify", "--store", store], in: directory)
        #expect(verified.status != 0, "\(verified.all)")
        #expect(verified.all.contains("damaged") && verified.all.contains(store), "\(verified.all)")
        let check = try await CloserBinary.run(["check", "--period", "2026-10", "--store", store], in: directory)
        #expect(check.status != 0)
        #expect(check.stderr.contains("damaged") && check.stderr.contains(store), "\(check.all)")
        #expect(!check.all.contains("SQLite error") && !check.all.contains("malformed"), "\(check.all)")
    }

    @Test func aPeriodNeverPulledIsRefusedWithTheWindow() async throws {
        let directory = try CloserBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("demo.sqlite").path
        #expect(try await CloserBinary.run(["demo", "--lines", "3000", "--store", store, "--json"], in: directory).status == 0)
        let check = try await CloserBinary.run(["check", "--period", "1900-01", "--store", store], in: directory)
        #expect(check.status != 0)
        #expect(check.stderr.contains("1900-01") && check.stderr.contains("2025-10-01 onward"), "\(check.all)")
    }

    @Test func anUnwritableFolderIsASentenceNotAFoundationError() async throws {
        let directory = try CloserBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let blocked = directory.appendingPathComponent("blocked")
        try Data().write(to: blocked)   // a file where a folder should be: unwritable even for root
        let result = try await CloserBinary.run(["demo", "--lines", "3000", "--store", blocked.appendingPathComponent("demo.sqlite").path], in: directory)
        #expect(result.status != 0)
        #expect(result.stderr.contains(blocked.path), "\(result.all)")
        #expect(!result.all.contains("Domain") && !result.all.contains("Code="), "\(result.all)")
    }

    @Test func aDemoTooLargeForThisMachineIsRefusedBeforeAnythingIsAllocated() async throws {
        let directory = try CloserBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("huge.sqlite").path
        // Address space capped at 2 GB: 5 million lines cannot fit, and must be refused, not crash.
        let result = try await CloserBinary.run(["-c", "ulimit -v 2000000 && exec \"$0\" demo --lines 5000000 --store \"$1\"", CloserBinary.url.path, store],
                                                executable: URL(fileURLWithPath: "/bin/sh"), in: directory)
        #expect(result.status != 0)
        #expect(result.stderr.contains("memory") && result.stderr.contains("--lines"), "\(result.all)")
        #expect(!result.all.contains("Fatal error") && !result.all.contains("backtrace"), "\(result.all)")
        #expect(!FileManager.default.fileExists(atPath: store))
    }
}
