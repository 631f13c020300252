import Foundation
import PostgresSupport
import Testing

/// `closer findings dismiss`, `closer findings dismissals` and their withdrawal on the demo store, as people would run them:
/// the next `closer check` prints what it set aside after the first screen; refusals say what to do and exit non-zero.
@Suite struct DismissalCommandTests {
    @Test func aDismissedFindingIsSetAsideByTheNextCheckUntilItIsWithdrawn() async throws {
        let directory = try CloserBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = TestStore.location("closer", in: directory)
        #expect(try await CloserBinary.run(["demo", "--store", store, "--json"], in: directory).status == 0)
        var people = StorePeople(store: store, in: directory)
        try await people.addFirst("ann", roles: ["controller"])
        try await people.add("pete", roles: ["preparer"], by: "ann")
        func closer(_ actor: String, _ arguments: [String]) async throws -> CloserBinary.Result { try await people.run(actor, arguments) }
        let day = ["--as-of", "2026-11-04"]

        let listed = try await closer("pete", ["findings", "--severity", "warning", "--json"])
        let found = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any])
        // A finding of one record (the first may be a group of many).
        let first = try #require((found["findings"] as? [[String: Any]])?.first { (($0["finding"] as? [String: Any])?["records"] as? [Any])?.count == 1 })
        let fingerprint = try #require(first["fingerprint"] as? String)
        let check = try #require((first["finding"] as? [String: Any])?["checkID"] as? String)

        let noExpiry = try await closer("ann", ["findings", "dismiss", fingerprint, "--scope", "kind", "--reason", "not our practice"] + day)
        #expect(noExpiry.status != 0 && noExpiry.stderr.contains("needs an expiry (--until YYYY-MM-DD)"), "\(noExpiry.all)")
        let tooFar = try await closer("pete", ["findings", "dismiss", fingerprint, "--reason", "known", "--until", "2028-01-01"] + day)
        #expect(tooFar.status != 0 && tooFar.stderr.contains("triage.dismissal_max_days"), "\(tooFar.all)")

        let dismissed = try await closer("pete", ["findings", "dismiss", fingerprint, "--scope", "record", "--reason", "confirmed with the vendor",
                                            "--until", "2026-12-31"] + day)
        #expect(dismissed.status == 0 && dismissed.stdout.hasPrefix("Dismissal #1: \(check), this record, by pete until 2026-12-31: confirmed with the vendor"),
                "\(dismissed.all)")

        let checked = try await closer("pete", ["check", "--period", "2026-10", "--fail-on", "never"] + day)
        #expect(checked.status == 0, "\(checked.all)")
        let setAside = try #require(checked.stdout.range(of: "SET ASIDE by dismissals"), "\(checked.stdout)")
        let screen = try #require(checked.stdout.range(of: "FIRST SCREEN"))
        #expect(screen.lowerBound < setAside.lowerBound)
        #expect(checked.stdout.contains("1 finding of \(check) set aside by pete until 2026-12-31 (this record): confirmed with the vendor"), "\(checked.stdout)")

        let dismissals = try await closer("pete", ["findings", "dismissals"] + day)
        #expect(dismissals.stdout.contains("#1  \(check), this record, by pete until 2026-12-31: confirmed with the vendor"), "\(dismissals.all)")
        let withdrawn = try await closer("pete", ["findings", "dismissals", "withdraw", "1"])
        #expect(withdrawn.status == 0 && withdrawn.stdout.hasPrefix("Dismissal #1 withdrawn: "), "\(withdrawn.all)")
        let again = try await closer("pete", ["check", "--period", "2026-10", "--fail-on", "never"] + day)
        #expect(!again.stdout.contains("SET ASIDE"), "\(again.stdout)")
        let trail = try await closer("ann", ["audit", "export"]).stdout
        #expect(trail.contains("finding.dismissed") && trail.contains("finding.dismissal-withdrawn") && trail.contains("confirmed with the vendor"))
    }
}
