public import CloseChecks
import Yams

/// The `anomalies:` section of a rule set: one mapping per detector id with its thresholds, plus
/// `system_user_ids` shared by the detectors that look at who posted.
extension RuleSet {
    /// A threshold's YAML key under its detector and the AnomalyThresholds field it sets.
    public enum ThresholdField {
        case number(WritableKeyPath<AnomalyThresholds, Double>)
        case whole(WritableKeyPath<AnomalyThresholds, Int>)
        case units(WritableKeyPath<AnomalyThresholds, Int64>)
        case flag(WritableKeyPath<AnomalyThresholds, Bool>)
    }

    public static var thresholdFields: [String: [(key: String, field: ThresholdField)]] { [
        "duplicate-vendor-bill": [("total_tolerance", .number(\.duplicateTotalTolerance)), ("max_days", .whole(\.duplicateMaxDays)),
                                  ("max_edit_distance", .whole(\.duplicateMaxEditDistance)),
                                  ("one_field_retyped", .flag(\.duplicateOneFieldRetyped))],
        "unusual-amount": [("min_history_lines", .whole(\.unusualMinHistoryLines)), ("min_robust_z", .number(\.unusualMinRobustZ)),
                           ("min_median_multiple", .number(\.unusualMinMedianMultiple))],
        "rare-account-partner": [("min_partner_history_lines", .whole(\.rarePartnerMinHistoryLines))],
        "benford-deviation": [("min_lines", .whole(\.benfordMinLines)), ("max_mad", .number(\.benfordMaxMAD)),
                              ("sampling_allowance", .number(\.benfordSamplingAllowance))],
        "round-amount-manual-entry": [("unit", .units(\.roundUnit)), ("minimum", .units(\.roundMinimum)),
                                      ("recurring_months", .whole(\.roundRecurringMonths))],
        "unusual-user-journal": [("min_journal_moves", .whole(\.unusualUserMinJournalMoves))],
        "missing-recurring-bill": [("lookback_months", .whole(\.recurringLookbackMonths)), ("min_months", .whole(\.recurringMinMonths)),
                                   ("expected_bills", .whole(\.recurringExpectedBills))],
    ] }

    static func anomalyThresholds(_ node: Node, reader: RuleSetReader) throws -> AnomalyThresholds {
        var thresholds = AnomalyThresholds()
        let thresholdFields = Self.thresholdFields
        let sections = AnomalyRegistry.all.map(\.id).filter { thresholdFields[$0] != nil }
        for (path, _, value) in try reader.entries(of: node, key: "anomalies", known: ["system_user_ids"] + sections) {
            let name = String(path.dropFirst("anomalies.".count))
            guard let fields = thresholdFields[name] else {
                thresholds.systemUserIDs = Set(try reader.strings(value, path).map { text, item in
                    guard let id = Int(text), id > 0 else { throw reader.fail(item, path, "items must be Odoo user ids (whole numbers)") }
                    return id
                })
                continue
            }
            for (key, _, number) in try reader.entries(of: value, key: path, known: fields.map(\.key)) {
                switch fields.first(where: { key.hasSuffix(".\($0.key)") })!.field {
                case .number(let field): thresholds[keyPath: field] = try reader.number(number, key)
                case .whole(let field): thresholds[keyPath: field] = try reader.integer(number, key)
                case .units(let field): thresholds[keyPath: field] = Int64(try reader.integer(number, key, minimum: 1))
                case .flag(let field): thresholds[keyPath: field] = try reader.flag(number, key)
                }
            }
        }
        return thresholds
    }
}
