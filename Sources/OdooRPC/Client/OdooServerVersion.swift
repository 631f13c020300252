/// What `version` reports, e.g. "18.0" or "saas~17.2".
public struct OdooServerVersion: Sendable, Hashable, Codable {
    public var serverVersion: String
    public var major: Int
    public var minor: Int
    public var serie: String
    public var isSaaS: Bool

    public init(serverVersion: String, major: Int, minor: Int, serie: String, isSaaS: Bool) {
        self.serverVersion = serverVersion
        self.major = major
        self.minor = minor
        self.serie = serie
        self.isSaaS = isSaaS
    }

    /// From the `version` result: `server_version_info` = [major, minor, micro, level, serial, ""]
    /// where SaaS builds have major "saas~17"; falls back to parsing `server_version`.
    init?(_ value: RPCValue) {
        guard let text = value["server_version"]?.stringValue else { return nil }
        let serie = value["server_serie"]?.stringValue ?? text
        let isSaaS = text.hasPrefix("saas") || serie.hasPrefix("saas")
        let numbers = text.drop { !$0.isNumber }.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        let info = value["server_version_info"]?.arrayValue ?? []
        guard let major = info.first?.int ?? numbers.first else { return nil }
        let minor = info.count > 1 ? info[1].int : nil
        self.init(serverVersion: text, major: major, minor: minor ?? (numbers.count > 1 ? numbers[1] : 0), serie: serie, isSaaS: isSaaS)
    }
}
