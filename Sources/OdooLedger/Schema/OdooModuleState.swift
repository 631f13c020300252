import OdooRPC

/// What decides a database's schema besides the server's version: its installed modules. Every install,
/// upgrade and uninstall writes the module's record (state, latest_version, write_date), so one
/// `search_read` of the installed modules tells whether the fields Closer reads can have changed — a
/// single small call instead of a `fields_get` per model. Custom fields added by hand (x_…) change no
/// module, but Closer never reads them.
enum OdooModuleState {
    /// A digest of the installed modules' names, versions and write dates; nil when the user may not
    /// read modules (the schema is then detected on every run).
    static func fingerprint(using client: OdooClient) async -> String? {
        guard let modules = try? await client.searchRead(
            "ir.module.module", domain: [["state", "=", "installed"]], fields: ["name", "latest_version", "write_date"]) else { return nil }
        let lines = modules.map { module in
            ["name", "latest_version", "write_date"].map { module[$0]?.stringValue ?? "" }.joined(separator: " ")
        }
        return "\(modules.count) modules \(digest(lines.sorted().joined(separator: "\n")))"
    }

    /// FNV-1a, 64 bits: stable across runs and platforms (Swift's `Hasher` is seeded per process).
    static func digest(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
