import Foundation
import OdooRPC

/// Odoo's module records (`ir.module.module`), as installing or upgrading a module leaves them: state
/// installed, the module's version, and a write_date of the change.
extension FakeOdoo {
    /// Installs `name`, or upgrades it when installed (its write_date moves on even if the version does not).
    public func installModule(_ name: String, version: String) {
        lock.lock(); defer { lock.unlock() }
        stampModule(name, version: version)
    }

    func stampModule(_ name: String, version: String) {
        moduleChanges += 1
        let values: Record = ["name": .string(name), "state": "installed", "latest_version": .string(version),
                              "write_date": .string("2026-12-06 10:\(moduleChanges / 50 + 10):\(moduleChanges % 50 + 10)")]
        if let id = search("ir.module.module", [["name", "=", .string(name)]], limit: 1, order: nil).first {
            tables["ir.module.module"]?[id]?.merge(values) { _, new in new }
        } else {
            store("ir.module.module", values)
        }
    }
}
