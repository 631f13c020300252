import CloseSettings
import CloseStore
import CloseWorkflows

extension ServerConfiguration {
    /// Reminders under the served rule set and Odoo connection, drafted or decided as `actor`: what the API and the dashboard share.
    func reminderService(store: AppDatabase, actor: String) -> ReminderService {
        ReminderService(store: store, rules: ruleSet.receivables, matchRules: ruleSet.matching, actor: actor, settings: odoo)
    }
}
