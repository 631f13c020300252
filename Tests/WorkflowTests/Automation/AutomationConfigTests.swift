@testable import Automation
@testable import CloseSettings
import CloseStore
import Foundation
import Ledger
import Testing

@Suite struct AutomationConfigTests {
    static let text = """
        webhooks:
          inbound:
            secret_env: CLOSER_ODOO_WEBHOOK_SECRET
            source: odoo:prod
            coalesce_seconds: 3
          outbound:
            signing_secret_env: CLOSER_WEBHOOK_SIGNING_SECRET
            max_attempts: 5
            targets:
              - url: https://n8n.example.com/webhook/closer
                events: [finding.opened, period.locked]
        schedules:
          - name: nightly-close
            at: "02:30"
            close_window_working_days: 5
        """
    static let environment = ["CLOSER_ODOO_WEBHOOK_SECRET": "in-secret", "CLOSER_WEBHOOK_SIGNING_SECRET": "out-secret"]

    static func parse(_ text: String, _ environment: [String: String] = environment) throws -> AutomationConfig {
        try AutomationConfig(origin: "closer-automation.yaml", bytes: Data(text.utf8), environment: environment)
    }

    @Test func theFileNamesTheSecretsVariablesAndListsTargetsAndSchedules() throws {
        let config = try Self.parse(Self.text)
        let inbound = try #require(config.inbound), outbound = try #require(config.outbound)
        #expect(inbound.secret.matches("in-secret") && inbound.sourceKey == "odoo:prod" && inbound.coalescing == .seconds(3))
        #expect(outbound.signingSecret.matches("out-secret") && outbound.maxAttempts == 5 && outbound.timeout == .seconds(10))
        #expect(outbound.targets == [WebhookTarget(url: URL(string: "https://n8n.example.com/webhook/closer")!, events: [.findingOpened, .periodLocked])])
        #expect(config.schedules == [CloseSchedule(name: "nightly-close", hour: 2, minute: 30, closeWindowWorkingDays: 5)])
    }

    @Test func unsetVariablesAreListedTogetherAndNoSecretIsEverEchoed() throws {
        #expect(throws: RuleSetError(path: "closer-automation.yaml", line: 3, key: "webhooks.inbound.secret_env", message:
            "names environment variables that are not set: CLOSER_ODOO_WEBHOOK_SECRET (webhooks.inbound.secret_env), "
            + "CLOSER_WEBHOOK_SIGNING_SECRET (webhooks.outbound.signing_secret_env)")) { try Self.parse(Self.text, [:]) }
        let pasted = Self.text.replacingOccurrences(of: "secret_env: CLOSER_ODOO_WEBHOOK_SECRET", with: "secret_env: hunter2-s3cret")
        do {
            _ = try Self.parse(pasted)
            Issue.record("a secret pasted into the file was accepted")
        } catch {
            #expect("\(error)" == "closer-automation.yaml:3: key 'webhooks.inbound.secret_env' must name an environment variable "
                + "(capital letters, digits, _), not hold the secret itself")
        }
    }

    @Test func mistakesNameTheFileLineAndKey() {
        let cases: [(String, String, String)] = [
            ("schedules:\n  - name: a\n    at: \"25:00\"\n", "closer-automation.yaml:3: key 'schedules.at' ", "must be a UTC time HH:MM"),
            ("schedules:\n  - name: a\n    at: \"02:00\"\n    every: day\n", "closer-automation.yaml:4: key 'schedules.every' ", "is not a closer-automation key"),
            ("webhooks:\n  outbound:\n    signing_secret_env: S\n    targets:\n      - url: ftp://x\n        events: [finding.opened]\n",
             "closer-automation.yaml:5: key 'webhooks.outbound.targets.url' ", "must be an http or https URL"),
            ("webhooks:\n  outbound:\n    signing_secret_env: S\n    targets:\n      - url: https://x.example\n        events: [finding.closed]\n",
             "closer-automation.yaml:6: key 'webhooks.outbound.targets.events' ", "must be one of"),
        ]
        for (text, prefix, message) in cases {
            do {
                _ = try Self.parse(text, ["S": "x"])
                Issue.record("accepted:\n\(text)")
            } catch {
                #expect("\(error)".hasPrefix(prefix) && "\(error)".contains(message), "\(error)")
            }
        }
    }
}
