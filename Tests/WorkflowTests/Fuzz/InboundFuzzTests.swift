@testable import Automation
@testable import CloseSettings
import Foundation
import FuzzSupport
import Testing

/// What comes into Closer from outside its process: rule-set files people edit by hand, webhooks Odoo
/// (or anyone who can reach the port) sends, and signed webhooks n8n echoes back. Each may be refused
/// with a sentence; none may crash the server or the command.
@Suite struct InboundFuzzTests {
    @Test func ruleSetFilesNeverTrap() {
        let corpus = [Array(RuleSet.builtInText.utf8), Array("schema_version: 1\n".utf8),
                      Array("schema_version: 1\napprovals:\n  standard:\n    - above: 0\n      approvals: 1\n".utf8)]
        let tokens = ["schema_version: ", "\n  ", "- ", ": [", "]", "{", "}", "&anchor ", "*anchor", "!!binary ", "<<: *a", "'", "\"",
                      "\t", "---\n", "...\n", "? ", "|\n", ">-\n", "1e99999", "-.inf", ".nan", "0x", "~", "null"]
        Fuzzer(corpus: corpus, dictionary: tokens, smokeIterations: 600).run { bytes in
            _ = try? RuleSet(origin: "fuzz.yaml", bytes: Data(bytes))
        }
    }

    @Test func odooWebhooksNeverTrap() {
        let secret = "odoo-hook-secret-7f3a"
        let receiver = OdooWebhookReceiver(secret: WebhookSecret(secret))
        let corpus = [Array(#"{"_action": "Notify Closer(#12)", "_id": 42, "_model": "account.move", "company_id": 1, "partner_id": false}"#.utf8),
                      Array(#"{"_model": "account.bank.statement.line", "_id": 7, "company_id": false}"#.utf8)]
        Fuzzer(corpus: corpus, dictionary: WireTokens.json).run { bytes in
            _ = try? receiver.receive(headers: [:], query: ["token": secret], body: bytes)
        }
    }

    @Test func signedWebhookHeadersNeverTrap() {
        let signer = WebhookSigner(secret: WebhookSecret("n8n-shared-secret"))
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        let body = Array(#"{"type":"finding.opened"}"#.utf8)
        let corpus = [Array(signer.signature(for: body, at: now).utf8), Array("t=1,v1=".utf8)]
        Fuzzer(corpus: corpus, dictionary: ["t=", "v1=", ",", "=", "-", "9999999999999999999999", " "]).run { header in
            try? signer.verify(String(decoding: header, as: UTF8.self), body: body, now: now)
        }
    }
}

/// JSON fragments for mutating JSON bodies.
enum WireTokens {
    static let json = ["{", "}", "[", "]", "\"", ":", ",", "null", "true", "false", "\\u0000", "\\ud800", "1e309", "-0", "\"_id\":",
                       "\"_model\":", "\"company_id\":", "9223372036854775808", "[[[[[[[[", "\"account.move\""]
}
