public import Ledger
public import OdooRPC

/// Ledger values as the External API wants them. Money crosses as a decimal WireNumber built from
/// its minor units, so no binary floating point is ever involved on our side.
public enum OdooWireValue {
    public static func amount(_ money: Money) -> RPCValue { .double(WireNumber(minorUnits: money.minorUnits, scale: money.scale)) }

    public static func date(_ date: LocalDate?) -> RPCValue { date.map { .string($0.description) } ?? false }

    public static func text(_ text: String?) -> RPCValue { text.map(RPCValue.string) ?? false }

    public static func id(_ id: Int?) -> RPCValue { id.map { RPCValue($0) } ?? false }

    /// {"12": 100.0, "12,31": 40.0} with Odoo analytic account ids.
    public static func analytic(_ distribution: AnalyticDistribution?, map: (Int) -> Int?) -> RPCValue {
        guard let distribution, !distribution.shares.isEmpty else { return false }
        var result = RPCStruct()
        for share in distribution.shares {
            let key = share.accountIDs.compactMap(map).map(String.init).joined(separator: ",")
            guard !key.isEmpty, let percent = WireNumber(text: "\(share.percent)") else { continue }
            result[key] = .double(percent)
        }
        return result.isEmpty ? false : .structure(result)
    }
}
