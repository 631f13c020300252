public import CloseStore
import Foundation

/// Why `closer demo` would not run, with what to do instead.
public enum DemoError: Error, CustomStringConvertible, Equatable {
    case storeHoldsWork(path: String, contents: StoreContents)
    case unreadableStore(path: String)
    case tooLarge(lines: Int, needs: UInt64, available: UInt64)

    public var description: String {
        switch self {
        case .storeHoldsWork(let path, let contents):
            "The store \(path) holds \(contents): more than an earlier demo, so `closer demo` leaves it alone. "
                + "Choose another path with --store, or add --replace to delete it and run the demo there."
        case .unreadableStore(let path):
            "\(path) is there already and Closer cannot read it as a store (another kind of file, or a damaged store): choose another path with --store, "
                + "or add --replace to delete it and run the demo there."
        case .tooLarge(let lines, let needs, let available):
            "A demo of \(lines.formatted()) lines needs about \(Self.gigabytes(needs)) of memory and this machine gives a process "
                + "\(Self.gigabytes(available)): choose a smaller --lines (at most about \(DemoMemoryBudget.largest(within: available).formatted()))."
        }
    }

    static func gigabytes(_ bytes: UInt64) -> String {
        String(format: "%.1f GB", Double(bytes) / 1_073_741_824)
    }
}
