import Foundation
import PostgresSupport
import Testing

/// `closer withdraw`, `closer reconcile withdraw`, `closer task reopen`, `closer findings` and `closer todo` on the
/// demo store, as people would run them: refusals name their rule and exit non-zero, withdrawals are audited.
@Suite struct UndoCommandTests {
    @Test func decisionsAreWithdrawnSignOffsReopenedFindingsWaivedAndTodoListsMyWork() async throws {
        let directory = try CloserBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = TestStore.location("closer", in: directory)
        #expect(try await CloserBinary.run(["demo", "--store", store, "--json"], in: directory).status == 0)
        var people = StorePeople(store: store, in: directory)
        try await people.addFirst("ann", roles: ["controller"])
        for login in ["bob", "dave"] { try await people.add(login, roles: ["approver"], by: "ann") }
        func closer(_ actor: String, _ arguments: [String]) async throws -> CloserBinary.Result { try await people.run(actor, arguments) }

        // What bob may approve, from `closer todo`.
        let todo = try await closer("bob", ["todo", "--period", "2026-10", "--as-of", "2026-11-04", "--json"])
        #expect(todo.status == 0, "\(todo.all)")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(todo.stdout.utf8)) as? [String: Any])
        let refs = (list["approvals"] as? [[String: Any]] ?? []).compactMap { $0["proposal"] as? [String: Any] }
        let adjustment = try #require(refs.first { $0["kind"] as? String == "adjustment" }?["id"] as? Int)
        let match = try #require(refs.first { $0["kind"] as? String == "bank-match" }?["id"] as? Int)
        let text = try await closer("bob", ["todo", "--period", "2026-10", "--as-of", "2026-11-04"])
        #expect(text.stdout.hasPrefix("For bob (approver), ") && text.stdout.contains("`closer approve \(adjustment)`"), "\(text.stdout)")

        // An approval withdrawn: refused for another approver, allowed for bob, audited; then decided again.
        await #expect(try closer("bob", ["approve", String(adjustment)]).status == 0)
        let refused = try await closer("dave", ["withdraw", String(adjustment), "--reason", "not mine"])
        #expect(refused.status != 0 && refused.stderr.contains("who may undo: dave cannot withdraw the approval of adjustment proposal \(adjustment): "
                                                               + "only bob, who made it, or a controller may"), "\(refused.all)")
        let withdrawn = try await closer("bob", ["withdraw", String(adjustment), "--reason", "approved the wrong month"])
        #expect(withdrawn.status == 0 && withdrawn.stdout.contains("withdrew bob's approval of \(adjustment) (approved the wrong month); "
                                                                  + "it waits for review again"), "\(withdrawn.all)")
        let trail = try await closer("ann", ["audit", "export"]).stdout
        #expect(trail.contains("adjustment.decision.withdrawn") && trail.contains("approved the wrong month"))
        await #expect(try closer("dave", ["approve", String(adjustment)]).status == 0)

        // A bank match's rejection withdrawn by a controller.
        await #expect(try closer("bob", ["reconcile", "reject", String(match), "--reason", "wrong invoice"]).status == 0)
        let unrejected = try await closer("ann", ["reconcile", "withdraw", String(match), "--reason", "it was right"])
        #expect(unrejected.status == 0 && unrejected.stdout.contains("withdrew bob's rejection of \(match)"), "\(unrejected.all)")

        // A sign-off reopened by its signer, not by another approver.
        await #expect(try closer("ann", ["checklist", "--period", "2026-10", "--as-of", "2026-11-04"]).status == 0)
        await #expect(try closer("bob", ["task", "done", "intercompany-agreed", "--comment", "one company"]).status == 0)
        let notYours = try await closer("dave", ["task", "reopen", "intercompany-agreed", "--reason", "no"])
        #expect(notYours.status != 0 && notYours.stderr.contains("who may undo: dave cannot withdraw the sign-off of intercompany-agreed"))
        let reopened = try await closer("bob", ["task", "reopen", "intercompany-agreed", "--reason", "signed the wrong month"])
        #expect(reopened.status == 0 && reopened.stdout.contains("Reopened intercompany-agreed (2026-10): signed the wrong month"), "\(reopened.all)")

        // Findings listed from the store, one waived by the controller until a day: listed as waived, not otherwise.
        let blocking = try await closer("bob", ["findings", "--severity", "blocking", "--json"])
        let found = try #require(try JSONSerialization.jsonObject(with: Data(blocking.stdout.utf8)) as? [String: Any])
        let fingerprint = try #require((found["findings"] as? [[String: Any]])?.first?["fingerprint"] as? String)
        let bobWaives = try await closer("bob", ["findings", "waive", fingerprint, "--reason", "known", "--until", "2026-11-10", "--as-of", "2026-11-04"])
        #expect(bobWaives.status != 0 && bobWaives.stderr.contains("needs the controller role; bob holds approver"), "\(bobWaives.all)")
        let waived = try await closer("ann", ["findings", "waive", fingerprint, "--reason", "agreed with the auditor", "--until", "2026-11-10",
                                        "--as-of", "2026-11-04"])
        #expect(waived.status == 0 && waived.stdout.contains("waived by ann until 2026-11-10: agreed with the auditor"), "\(waived.all)")
        await #expect(try closer("bob", ["findings", "--waived", "--as-of", "2026-11-04"]).stdout.contains(fingerprint))
        await #expect(try !closer("bob", ["findings", "--not-waived", "--as-of", "2026-11-04"]).stdout.contains(fingerprint))
        await #expect(try !closer("bob", ["findings", "--waived", "--as-of", "2026-11-11"]).stdout.contains(fingerprint))
    }
}
