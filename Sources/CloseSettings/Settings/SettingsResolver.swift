public import Foundation

/// Resolves settings with the precedence flag > environment > config file > default, and reports
/// every missing or invalid setting at once rather than the first one.
public struct SettingsResolver: Sendable {
    public var flags: [Setting: String]
    public var environment: [String: String]
    public var file: ConfigFile?

    public init(flags: [Setting: String], environment: [String: String] = ProcessInfo.processInfo.environment, file: ConfigFile?) {
        self.flags = flags.filter { !$0.value.isEmpty }
        self.environment = environment
        self.file = file
    }

    /// Where a value came from, for `closer connect --json` and error messages (never the value of a secret).
    public enum Origin: String, Sendable, Codable { case flag, environment, file, defaultValue = "default" }

    public func value(_ setting: Setting) -> (value: String, origin: Origin)? {
        if let value = flags[setting] { return (value, .flag) }
        if let value = environment[setting.environment], !value.isEmpty { return (value, .environment) }
        if let value = file?.values[setting.key], !value.isEmpty { return (value, .file) }
        return nil
    }

    public func string(_ setting: Setting, default fallback: String? = nil) -> String? { value(setting)?.value ?? fallback }
}

/// Every problem with the settings, each naming all the ways to provide the value.
public struct SettingsError: Error, CustomStringConvertible, Equatable {
    public var missing: [Setting]
    public var invalid: [String]

    public init(missing: [Setting], invalid: [String]) {
        self.missing = missing
        self.invalid = invalid
    }

    public var description: String {
        var lines: [String] = []
        if !missing.isEmpty {
            lines.append("Missing settings (give each as a flag, an environment variable, or a key in closer.yaml):")
            lines += missing.map { "  - \($0.key): \($0.flag) or \($0.environment)" }
        }
        lines += invalid.map { "  - \($0)" }
        return lines.joined(separator: "\n")
    }
}
