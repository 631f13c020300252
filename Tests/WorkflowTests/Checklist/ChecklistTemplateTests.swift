@testable import CloseSettings
@testable import CloseWorkflows
import Foundation
import Testing
import CloseStore

@Suite struct ChecklistTemplateTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../..").standardized

    func template(_ text: String) throws -> ChecklistTemplate {
        try ChecklistTemplate(origin: "close.yaml", bytes: Data(text.utf8))
    }

    func error(_ text: String) -> RuleSetError? {
        do { _ = try template(text); return nil } catch let error as RuleSetError { return error } catch { return nil }
    }

    @Test func theCommittedTemplateIsTheBuiltInOne() throws {
        let file = try Data(contentsOf: Self.repository.appendingPathComponent("rules/close-checklist.yaml"))
        #expect(String(decoding: file, as: UTF8.self) == ChecklistTemplate.builtInText)
        let builtIn = ChecklistTemplate.builtIn
        #expect(builtIn.tasks.count == 12 && builtIn.tasks.first?.key == "ledger-pulled" && builtIn.tasks.last?.key == "period-locked")
        #expect(builtIn.tasks.first { $0.key == "bank-matches-decided" }?.completion == .proposals(["bank-match"]))
        #expect(builtIn.tasks.first { $0.key == "flux-reviewed" }?.completion == .manual)
    }

    @Test func tasksAreOrderedDependenciesFirstAndReadInEveryCompletionForm() throws {
        let parsed = try template("""
            schema_version: 1
            tasks:
              - {id: review, title: Review, owner: controller, odoo_user: admin, depends_on: [clean, decided], due: 4, completion: manual}
              - {id: clean, title: Clean, owner: preparer, due: -1, completion: {check: draft-in-period}}
              - {id: decided, title: Decided, owner: alice, due: 2, completion: {proposals: [accrual, bank-match]}}
              - {id: pulled, title: Pulled, owner: preparer, due: 0, completion: pull}
            """)
        #expect(parsed.tasks.map(\.key) == ["clean", "decided", "review", "pulled"])
        #expect(parsed.tasks[0].completion == .checks(["draft-in-period"]) && parsed.tasks[0].due == -1)
        #expect(parsed.tasks[1].completion == .proposals(["accrual", "bank-match"]) && parsed.tasks[1].owner == "alice")
        #expect(parsed.tasks[2].odooUser == "admin" && parsed.tasks[2].dependsOn == ["clean", "decided"])
    }

    @Test func everyMistakeNamesFileLineAndKey() {
        let head = "schema_version: 1\ntasks:\n"
        let cases: [(String, Int, String, String)] = [
            ("  - {id: a, title: A, owner: admin, due: 1, completion: manual, colour: red}", 3, "tasks[0].colour", "is not a checklist key"),
            ("  - {id: a, title: A, owner: admin, due: 1, completion: {check: no-such-check}}", 3, "tasks[0].completion.check", "'no-such-check' is not a check"),
            ("  - {id: a, title: A, owner: admin, due: 1, completion: {proposals: [accrual, bribes]}}", 3, "tasks[0].completion.proposals", "'bribes' is not a proposal kind"),
            ("  - {id: a, title: A, owner: admin, due: 1, completion: sometimes}", 3, "tasks[0].completion", "'sometimes' is not a completion rule"),
            ("  - {id: a, title: A, owner: admin, completion: manual}", 3, "tasks[0].due", "is missing"),
            ("  - {id: a, title: A, owner: admin, due: 1, completion: manual}\n  - {id: b, title: B, owner: admin, due: 1, depends_on: [c], completion: manual}",
             4, "tasks[1].depends_on", "'c' is not a task id"),
            ("  - {id: a, title: A, owner: admin, due: 1, depends_on: [b], completion: manual}\n  - {id: b, title: B, owner: admin, due: 1, depends_on: [a], completion: manual}",
             3, "tasks[0].depends_on", "forms a cycle: a → b → a"),
            ("  - {id: a, title: A, owner: admin, due: 1, completion: manual}\n  - {id: a, title: B, owner: admin, due: 1, completion: manual}",
             4, "tasks[1].id", "'a' is the id of an earlier task too"),
            ("  - {id: a, title: A, owner: admin, due: 500, completion: manual}", 3, "tasks[0].due", "must be at most 60"),
        ]
        for (tasks, line, key, message) in cases {
            let found = error(head + tasks)
            #expect(found?.path == "close.yaml" && found?.line == line && found?.key == key, "\(String(describing: found))")
            #expect(found?.message.contains(message) == true, "\(String(describing: found))")
        }
        #expect(error("tasks: []\n")?.key == "tasks")
        #expect(error("schema_version: 2\ntasks: []\n")?.message.contains("not supported") == true)
        #expect(throws: RuleSetError.self) { try ChecklistTemplate.resolve(explicit: "/nonexistent/close.yaml") }
    }
}
