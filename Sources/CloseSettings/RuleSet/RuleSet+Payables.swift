import Payables
import Yams

extension RuleSet {
    static func payablesRules(_ node: Node, reader: RuleSetReader) throws -> PayablesRules {
        var rules = PayablesRules()
        for (key, _, value) in try reader.entries(of: node, key: "payables", known: ["duplicates", "matching", "intake", "approval"]) {
            switch key {
            case "payables.duplicates": rules.duplicates = try duplicateRules(value, reader: reader)
            case "payables.matching": rules.matching = try purchaseMatchRules(value, reader: reader)
            case "payables.approval": rules.approval = try approvalRules(value, reader: reader)
            default: rules.intake = try intakeRules(value, reader: reader)
            }
        }
        return rules
    }

    private static func duplicateRules(_ node: Node, reader: RuleSetReader) throws -> DuplicateRules {
        var rules = DuplicateRules()
        let known = ["amount_tolerance_minor_units", "amount_tolerance_percent", "date_window_days"]
        for (key, _, value) in try reader.entries(of: node, key: "payables.duplicates", known: known) {
            switch key.dropFirst("payables.duplicates.".count) {
            case "amount_tolerance_minor_units": rules.amountToleranceMinorUnits = Int64(try reader.integer(value, key))
            case "amount_tolerance_percent": rules.amountTolerancePercent = try reader.decimal(value, key)
            default: rules.dateWindowDays = try reader.integer(value, key, maximum: 366)
            }
        }
        return rules
    }

    private static func purchaseMatchRules(_ node: Node, reader: RuleSetReader) throws -> PurchaseMatchRules {
        var rules = PurchaseMatchRules()
        let known = ["price_tolerance", "price_tolerance_percent", "quantity_tolerance", "categories_requiring_order", "vendor_ids_requiring_order"]
        for (key, _, value) in try reader.entries(of: node, key: "payables.matching", known: known) {
            switch key.dropFirst("payables.matching.".count) {
            case "price_tolerance": rules.priceToleranceAbsolute = try reader.decimal(value, key)
            case "price_tolerance_percent": rules.priceTolerancePercent = try reader.decimal(value, key)
            case "quantity_tolerance": rules.quantityTolerance = try reader.decimal(value, key)
            case "categories_requiring_order": rules.categoriesRequiringOrder = Set(try reader.strings(value, key).map(\.0))
            default:
                rules.vendorsRequiringOrder = Set(try reader.strings(value, key).map { text, node in
                    guard let id = Int(text), id > 0 else { throw reader.fail(node, key, "'\(text)' is not a partner id (a whole number)") }
                    return id
                })
            }
        }
        return rules
    }

    private static func intakeRules(_ node: Node, reader: RuleSetReader) throws -> IntakeRules {
        var rules = IntakeRules()
        let actions = IntakeAction.allCases.map(\.rawValue)
        for (key, _, value) in try reader.entries(of: node, key: "payables.intake", known: ["on_duplicate", "on_match_exception", "ap_clerk_login", "sla_days"]) {
            switch key.dropFirst("payables.intake.".count) {
            case "on_duplicate":
                for (signalKey, _, actionNode) in try reader.entries(of: value, key: key, known: DuplicateSignal.allCases.map(\.rawValue)) {
                    let signal = DuplicateSignal(rawValue: String(signalKey.dropFirst(key.count + 1)))!
                    rules.duplicateActions[signal] = IntakeAction(rawValue: try reader.choice(actionNode, signalKey, from: actions))!
                }
            case "on_match_exception": rules.matchExceptionAction = IntakeAction(rawValue: try reader.choice(value, key, from: actions))!
            case "sla_days": rules.slaDays = try reader.integer(value, key, minimum: 1, maximum: 366)
            default: rules.apClerkLogin = try reader.text(value, key)
            }
        }
        return rules
    }
}
