import DemoCompany
import Foundation

/// The simulated databases by name, each generated from its seed and size the first time a call names it.
/// Two first calls to one database wait for one generation; other databases are not held up meanwhile.
final class TenantRegistry: @unchecked Sendable {
    private let configuration: SimulatorConfiguration
    private let seeds: [String: UInt64]
    private let lock = NSLock()
    private var slots: [String: Slot] = [:]

    private final class Slot: @unchecked Sendable {
        let lock = NSLock()
        var database: SimulatedDatabase?
    }

    init(configuration: SimulatorConfiguration) {
        self.configuration = configuration
        seeds = Dictionary(uniqueKeysWithValues: configuration.databaseNames.enumerated().map { ($0.element, configuration.seed &+ UInt64($0.offset)) })
    }

    /// nil for a name that is not one of the configured databases.
    func database(_ name: String) -> SimulatedDatabase? {
        guard let seed = seeds[name] else { return nil }
        lock.lock()
        let slot = slots[name] ?? Slot()
        slots[name] = slot
        lock.unlock()
        slot.lock.lock(); defer { slot.lock.unlock() }
        if let ready = slot.database { return ready }
        let book = DemoCompany.generate(DemoOptions(seed: seed, targetLines: configuration.linesPerTenant))
        let database = SimulatedDatabase(name: name, snapshot: book.snapshot)
        slot.database = database
        return database
    }
}
