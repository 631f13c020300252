import Foundation

/// What a demo of a given size needs in memory against what this machine gives a process, so a demo too
/// large is refused with a sentence before anything is generated, instead of ending in an allocation trap.
public struct DemoMemoryBudget: Sendable {
    /// From the peak resident memory of `closer demo --lines N` (2026-12-04, debug build): 283 MB at
    /// 100,000 lines and 881 MB at 400,000, i.e. about 2,090 bytes a line over about 84 MB; rounded up.
    static let baseBytes: UInt64 = 90 << 20
    static let bytesPerLine: UInt64 = 2_100

    /// Bytes a process may use here.
    public var available: UInt64

    public init(available: UInt64) {
        self.available = available
    }

    /// Physical memory (/proc/meminfo on Linux), or less when the process's address space is capped (`ulimit -v`).
    public static func thisMachine() -> DemoMemoryBudget {
        let physical = value(in: "/proc/meminfo", line: "MemTotal:").map { $0 * 1024 } ?? ProcessInfo.processInfo.physicalMemory
        let capped = value(in: "/proc/self/limits", line: "Max address space")
        return DemoMemoryBudget(available: min(physical, capped ?? .max))
    }

    public static func needs(lines: Int) -> UInt64 { baseBytes + UInt64(max(lines, 0)) * bytesPerLine }

    static func largest(within available: UInt64) -> Int {
        available > baseBytes ? Int((available - baseBytes) / bytesPerLine) : 0
    }

    public func check(lines: Int) throws {
        let needs = Self.needs(lines: lines)
        if needs > available { throw DemoError.tooLarge(lines: lines, needs: needs, available: available) }
    }

    /// The first number on the line starting with `prefix` ("MemTotal: 24683784 kB"); nil when absent or unlimited.
    static func value(in file: String, line prefix: String) -> UInt64? {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) else { return nil }
        return line.dropFirst(prefix.count).split(separator: " ").lazy.compactMap { UInt64($0) }.first
    }
}
