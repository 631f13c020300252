public import OdooRPC

/// How far Closer may act on Odoo. `audit` (the default) only reads, and the gateway enforces it by
/// handing out clients that refuse every write at the wire. `supervised` writes what a person asked
/// for on the command line (approved work, `--post-findings`); `autonomous` also what policy allows
/// without asking.
public enum OperatingMode: String, Sendable, Codable, CaseIterable {
    case audit, supervised, autonomous

    /// What the Odoo client built for this mode may send.
    public var odooAccess: OdooAccessPolicy { self == .audit ? .readOnly(mode: rawValue) : .readWrite }

    /// Fails fast, before any work starts, when `feature` would write to Odoo in a read-only mode.
    public func requireWrites(for feature: String) throws {
        guard self == .audit else { return }
        throw OperatingModeError(mode: self, feature: feature)
    }
}

/// A feature that writes to Odoo was asked for in a mode that never writes.
public struct OperatingModeError: Error, CustomStringConvertible, Equatable {
    public var mode: OperatingMode
    public var feature: String

    public init(mode: OperatingMode, feature: String) {
        self.mode = mode
        self.feature = feature
    }

    public var description: String {
        "\(feature) writes to Odoo, but Closer runs in \(mode.rawValue) mode, which never writes. "
            + "Run with \(Setting.mode.flag) supervised (or \(Setting.mode.environment)=supervised, or `mode: supervised` in closer.yaml)."
    }
}
