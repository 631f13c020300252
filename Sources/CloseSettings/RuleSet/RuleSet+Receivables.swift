import Receivables
import Yams

extension RuleSet {
    static func receivablesRules(_ node: Node, reader: RuleSetReader) throws -> ReceivablesRules {
        var rules = ReceivablesRules()
        for (key, _, value) in try reader.entries(of: node, key: "receivables", known: ["model", "reminders", "credit", "promises"]) {
            switch key {
            case "receivables.model": rules.model = try delayModelRules(value, reader: reader)
            case "receivables.reminders": rules.reminders = try reminderRules(value, reader: reader)
            case "receivables.credit": rules.credit = try creditRules(value, reader: reader)
            default:
                for (field, _, item) in try reader.entries(of: value, key: key, known: ["grace_days"]) {
                    rules.promises.graceDays = try reader.integer(item, field, maximum: 366)
                }
            }
        }
        return rules
    }

    private static func delayModelRules(_ node: Node, reader: RuleSetReader) throws -> DelayModelRules {
        var rules = DelayModelRules()
        for (key, _, value) in try reader.entries(of: node, key: "receivables.model", known: ["grace_days", "prior_weight", "half_life_invoices"]) {
            switch key.dropFirst("receivables.model.".count) {
            case "grace_days": rules.graceDays = try reader.integer(value, key, maximum: 365)
            case "prior_weight": rules.priorWeight = try reader.integer(value, key, minimum: 1, maximum: 1_000)
            default: rules.halfLifeInvoices = try reader.integer(value, key, minimum: 1, maximum: 1_000)
            }
        }
        return rules
    }

    private static func reminderRules(_ node: Node, reader: RuleSetReader) throws -> ReminderRules {
        var rules = ReminderRules()
        for (key, _, value) in try reader.entries(of: node, key: "receivables.reminders", known: ["levels", "collector_login", "payment_match_score"]) {
            switch key.dropFirst("receivables.reminders.".count) {
            case "levels": rules.levels = try reminderLevels(value, key: key, reader: reader)
            case "collector_login": rules.collectorLogin = try reader.text(value, key)
            default: rules.paymentMatchScore = try reader.probability(value, key)
            }
        }
        return rules
    }

    private static func reminderLevels(_ node: Node, key: String, reader: RuleSetReader) throws -> [ReminderLevel] {
        guard let items = node.sequence, !items.isEmpty else {
            throw reader.fail(node, key, "must be a list of levels, e.g. [{days_overdue: 7, tone: friendly, channel: email, signed_by: collector}]")
        }
        var levels: [ReminderLevel] = []
        for item in items {
            var days: Int?
            var level = ReminderLevel(level: levels.count + 1, daysOverdue: 0, tone: .friendly, channel: .email, signedBy: .collector, autonomousSend: false)
            let known = ["days_overdue", "tone", "channel", "signed_by", "autonomous_send"]
            for (field, _, value) in try reader.entries(of: item, key: key, known: known) {
                switch field.dropFirst(key.count + 1) {
                case "days_overdue": days = try reader.integer(value, field, minimum: 1, maximum: 3_660)
                case "tone": level.tone = ReminderTone(rawValue: try reader.choice(value, field, from: ReminderTone.allCases.map(\.rawValue)))!
                case "channel": level.channel = ReminderChannel(rawValue: try reader.choice(value, field, from: ReminderChannel.allCases.map(\.rawValue)))!
                case "signed_by": level.signedBy = ReminderSigner(rawValue: try reader.choice(value, field, from: ReminderSigner.allCases.map(\.rawValue)))!
                default:
                    level.autonomousSend = try reader.flag(value, field)
                    if level.autonomousSend && level.level != 1 {
                        throw reader.fail(value, field, "only level 1 may be sent without a person; set it to false for level \(level.level)")
                    }
                }
            }
            guard let days else { throw reader.fail(item, key, "each level needs days_overdue") }
            if let previous = levels.last, days <= previous.daysOverdue {
                throw reader.fail(item, "\(key).days_overdue", "must be above the previous level's (\(previous.daysOverdue)): list levels lowest first")
            }
            level.daysOverdue = days
            levels.append(level)
        }
        return levels
    }

    private static func creditRules(_ node: Node, reader: RuleSetReader) throws -> CreditRules {
        var rules = CreditRules()
        let known = ["seriously_overdue_days", "seriously_overdue_minimum", "release_automatically"]
        for (key, _, value) in try reader.entries(of: node, key: "receivables.credit", known: known) {
            switch key.dropFirst("receivables.credit.".count) {
            case "seriously_overdue_days": rules.seriouslyOverdueDays = try reader.integer(value, key, minimum: 1, maximum: 3_660)
            case "seriously_overdue_minimum": rules.seriouslyOverdueMinimum = try reader.integer(value, key)
            default: rules.releaseAutomatically = try reader.flag(value, key)
            }
        }
        return rules
    }
}
