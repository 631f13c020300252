import CloseSettings
import CloseStore
import CloseWorkflows
import FirmDirectory
import FirmWork
import Foundation
import Governance
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JobQueue
import Logging
import Ledger
import OdooSimulator
import PostgresSupport
import Testing

/// The firm console over a real queue, directory and tenants' stores: tenant1's October closed by a worker from
/// the simulated Odoo, tenant2 never pulled, tenant3 given to someone else. Anna is controller in tenant1 and
/// viewer in tenant2; Vera views tenant1; Bob prepares tenant3.
/// One test at a time: each closes a company in-process, and several at once would starve the rest of the suite on two
/// cores (server tests elsewhere timed out waiting for their answers).
@Suite(.enabled(if: PostgresTestServer.enabled, "skipped: no PostgreSQL (CLOSER_TEST_POSTGRES_URL)"), .serialized)
struct FirmConsoleTests {
    static let asOf = LocalDate(year: 2026, month: 11, day: 5)

    struct Firm {
        var console: FirmConsole
        var queue: PostgresJobQueue
        var directory: PostgresFirmDirectory
        var tokens: [String: String]
        /// A signed-in browser's cookie for each member.
        var sessions: [String: String]
    }

    static func withFirm(_ body: (Firm) async throws -> Void) async throws {
        let simulator = try OdooSimulator(SimulatorConfiguration(tenants: 2, linesPerTenant: 600))
        defer { simulator.stop() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("console-\(UUID().uuidString)")
        func entry(_ id: String, owner: String, calendar: String?) -> String {
            "  \(id):\n    odoo:\n      url: \(simulator.url.absoluteString)\n      database: \(id)\n      user: admin\n      password_env: SIM_ODOO_PASSWORD\n"
                + "    pull:\n      history_months: 3\n    owner: \(owner)\n" + (calendar.map { "    calendar: \($0)\n" } ?? "")
        }
        let text = "tenants:\n" + entry("tenant1", owner: "anna", calendar: "monthly, 5th working day") + entry("tenant2", owner: "bob", calendar: nil)
            + entry("tenant3", owner: "bob", calendar: "monthly, 3rd working day")
        let file = try TenantsFile(path: folder.appendingPathComponent("tenants.yaml").path, text: text)
        let runner = TenantStepRunner(stores: folder.appendingPathComponent("stores"), storeServer: TestStore.tenantServer(), environment: ["SIM_ODOO_PASSWORD": SimulatorConfiguration.password])
        try await PostgresTestServer.withSchema { client, schema in
            let queue = try await PostgresJobQueue.open(client: client, schema: schema, policy: try PostgresTestServer.policy())
            let directory = try await PostgresFirmDirectory.open(client: client, schema: schema)
            _ = try await CloseEnqueuer(queue: queue).enqueue([try file.tenant("tenant1")], period: try Period(parsing: "2026-10"),
                                                              payload: CloseJobPayload(asOf: asOf))
            let records = try await FirmWorker(name: "w", queue: queue, tenants: file, runner: runner, exitWhenIdleFor: .seconds(1)).run(drain: DrainSignal())
            #expect(records.count == 5 && records.allSatisfy { $0.outcome == .succeeded })

            var tokens: [String: String] = [:], sessions: [String: String] = [:]
            for (login, grants) in [("anna", [("tenant1", CloserRole.controller), ("tenant2", .viewer)]), ("vera", [("tenant1", .viewer)]),
                                    ("bob", [("tenant3", .preparer)])] {
                try await directory.addMember(login: login, name: login.capitalized, by: "ops")
                for (tenant, role) in grants { try await directory.grant(login: login, tenant: tenant, role: role, by: "ops") }
                tokens[login] = try await directory.issueToken(login: login, by: "ops").token
                sessions[login] = try await directory.startSession(login: login, lasting: .seconds(3600))
            }
            let console = FirmConsole(tenants: file, cards: TenantCardReader(stores: runner, queue: queue), directory: directory, asOf: asOf)
            try await body(Firm(console: console, queue: queue, directory: directory, tokens: tokens, sessions: sessions))
        }
    }

    static func bearer(_ token: String?) -> HTTPFields { token.map { [.authorization: "Bearer \($0)"] } ?? [:] }
    static func cookie(_ session: String) -> HTTPFields { [.cookie: "closer_firm_session=\(session)"] }

    static func json(_ response: TestResponse) throws -> Any { try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) }

    @Test func aMemberSeesTheirTenantsCloseAndNoOtherTenantExistsForThem() async throws {
        try await Self.withFirm { firm in
            let anna = try #require(firm.tokens["anna"])
            try await Application(router: firm.console.router()).test(.router) { client in
                // The heat map's data: anna's two tenants, tenant1 with its close as its store has it.
                try await client.execute(uri: "/api/tenants", method: .get, headers: Self.bearer(anna)) { response in
                    #expect(response.status == .ok)
                    let cards = try #require(try Self.json(response) as? [[String: Any]])
                    #expect(cards.map { $0["tenant"] as? String } == ["tenant1", "tenant2"])
                    let first = cards[0]
                    #expect(first["period"] as? String == "2026-10" && first["deadline"] as? String == "2026-11-06" && first["days_to_close"] as? Int == 1)
                    #expect(first["your_roles"] as? [String] == ["controller"])
                    #expect((first["tasks_total"] as? Int ?? 0) > 0 && first["readiness"] != nil && first["exceptions"] != nil)
                    #expect((first["jobs"] as? [[String: Any]])?.count == 5)
                    #expect(cards[1]["readiness"] == nil && cards[1]["deadline"] == nil, "tenant2: never pulled, no calendar")
                }
                // Every route naming tenant3 (bob's) or a tenant that does not exist answers the same 404.
                for route in FirmConsole.TenantRoute.allCases {
                    var bodies: [String] = []
                    for tenant in ["tenant3", "nosuch"] {
                        let uri = route.path.replacingOccurrences(of: ":tenant", with: tenant)
                        let headers = route == .page ? Self.cookie(try #require(firm.sessions["anna"])) : Self.bearer(anna)
                        try await client.execute(uri: uri, method: route.method, headers: headers, body: ByteBuffer(string: #"{"period": "2026-10"}"#)) { response in
                            #expect(response.status == .notFound, "\(route.method) \(uri)")
                            bodies.append(String(buffer: response.body).replacingOccurrences(of: tenant, with: "X"))
                        }
                    }
                    #expect(bodies[0] == bodies[1], "\(route.path): tenant3's 404 tells nothing a missing tenant's does not")
                }
                #expect(try await firm.queue.jobs(tenant: "tenant3", limit: 10).isEmpty, "nothing was asked for tenant3")
                // Without a token: 401 for the API, the sign-in for pages.
                try await client.execute(uri: "/api/tenants/tenant1", method: .get) { #expect($0.status == .unauthorized) }
                try await client.execute(uri: "/api/tenants", method: .get, headers: Self.bearer("clf_forged")) { #expect($0.status == .unauthorized) }
                try await client.execute(uri: "/tenants/tenant1", method: .get) { response in
                    #expect(response.status == .seeOther && response.headers[.location] == "/sign-in")
                }
                // The page takes the session only, the API the bearer only.
                try await client.execute(uri: "/api/tenants", method: .get, headers: Self.cookie(try #require(firm.sessions["anna"]))) { #expect($0.status == .unauthorized) }
                try await client.execute(uri: "/", method: .get, headers: Self.cookie(anna)) { #expect($0.status == .seeOther) }
            }
        }
    }

    @Test func theHeatMapShowsTheVisibleTenantsMostUrgentFirstAndFilters() async throws {
        try await Self.withFirm { firm in
            let anna = try #require(firm.sessions["anna"])
            // A live review found an expense over policy in tenant1: the exceptions column counts it beside the findings.
            let store = try AppDatabase.open(at: firm.console.cards.stores.storePath(of: try firm.console.tenants.tenant("tenant1")))
            let source = try #require(try store.sourceKeys().first)
            try store.recordExceptionSweep([ExceptionSighting(sourceKey: source, family: .expenses, fingerprint: "report-7-limit", kind: "over-limit",
                                                              subject: "Expense report 7", reason: "over the meals limit", record: nil, owner: "mia")],
                                           family: .expenses, sourceKey: source, covering: nil, actor: "ops")
            let asOf = try #require(Self.asOf)
            let status = try #require(try await firm.console.cards.card(for: try firm.console.tenants.tenant("tenant1"), period: nil,
                                                                         asOf: asOf, actor: "anna").status)
            #expect(status.businessExceptions == 1)
            try await Application(router: firm.console.router()).test(.router) { client in
                try await client.execute(uri: "/", method: .get, headers: Self.cookie(anna)) { response in
                    #expect(response.status == .ok)
                    let page = String(buffer: response.body)
                    #expect(page.contains(#"<a href="/tenants/tenant1">tenant1</a>"#) && page.contains(#"<a href="/tenants/tenant2">tenant2</a>"#))
                    #expect(!page.contains("tenant3"), "bob's tenant is not even named")
                    #expect(page.range(of: "tenant1")!.lowerBound < page.range(of: "tenant2")!.lowerBound, "due tomorrow before no calendar")
                    #expect(page.contains(#"<td class="warn">1 day</td>"#), "tenant1 is due tomorrow")
                    #expect(page.contains(">\(status.exceptions) + 1 business</td>"), "the check's exceptions and the review's")
                    #expect(page.contains(#"<td class="none">not pulled</td>"#) && page.contains(#"<td class="none">no calendar</td>"#))
                    #expect(page.contains("<option>bob</option>") && page.contains("<option>none</option>"))
                }
                for query in ["owner=bob", "calendar=none"] {
                    try await client.execute(uri: "/?\(query)", method: .get, headers: Self.cookie(anna)) { response in
                        let page = String(buffer: response.body)
                        #expect(!page.contains(#"href="/tenants/tenant1""#) && page.contains(#"href="/tenants/tenant2""#), "\(query)")
                    }
                }
                try await client.execute(uri: "/tenants/tenant1", method: .get, headers: Self.cookie(anna)) { response in
                    let page = String(buffer: response.body)
                    #expect(response.status == .ok && page.contains("What blocks the lock") && page.contains("you are controller here"))
                    #expect(page.components(separatedBy: "<td>succeeded</td>").count - 1 == 5, "the five steps of the close")
                }
            }
        }
    }

    @Test func aCloseIsAskedForOnceByAPreparerOrAboveAndNeverByAViewer() async throws {
        try await Self.withFirm { firm in
            let (anna, vera) = (try #require(firm.tokens["anna"]), try #require(firm.tokens["vera"]))
            try await Application(router: firm.console.router()).test(.router) { client in
                let november = ByteBuffer(string: #"{"period": "2026-11"}"#)
                try await client.execute(uri: "/api/tenants/tenant1/closes", method: .post, headers: Self.bearer(vera), body: november) { response in
                    #expect(response.status == .forbidden)
                    #expect(String(buffer: response.body).contains("vera may view tenant1 but not ask for its close"))
                }
                var first: Int?
                try await client.execute(uri: "/api/tenants/tenant1/closes", method: .post, headers: Self.bearer(anna), body: november) { response in
                    #expect(response.status == .accepted)
                    let job = try #require(try Self.json(response) as? [String: Any])
                    #expect(job["kind"] as? String == "pull" && job["period"] as? String == "2026-11" && job["state"] as? String == "queued")
                    first = job["id"] as? Int
                }
                try await client.execute(uri: "/api/tenants/tenant1/closes", method: .post, headers: Self.bearer(anna), body: november) { response in
                    #expect(response.status == .ok)
                    let job = try Self.json(response) as? [String: Any]
                    #expect(job?["id"] as? Int == first, "asking twice makes one close")
                }
                // A viewer role elsewhere does not carry over: anna only views tenant2.
                try await client.execute(uri: "/api/tenants/tenant2/closes", method: .post, headers: Self.bearer(anna), body: november) { #expect($0.status == .forbidden) }
                try await client.execute(uri: "/api/tenants/tenant1/closes", method: .post, headers: Self.bearer(anna), body: ByteBuffer(string: "{}")) { response in
                    #expect(response.status == .badRequest)
                }
            }
            let asked = try #require(try await firm.queue.jobs(tenant: "tenant1", limit: 10).first { $0.period?.description == "2026-11" })
            #expect(try CloseJobPayload(text: asked.payload).askedBy == "anna")
            #expect(try await firm.queue.jobs(tenant: "tenant2", limit: 10).isEmpty)
        }
    }

    @Test func aGoodTokenStartsASessionWhichSignOutAndDeactivationEndAndABadTokenIsRefused() async throws {
        try await Self.withFirm { firm in
            let (anna, vera) = (try #require(firm.tokens["anna"]), try #require(firm.sessions["vera"]))
            try await Application(router: firm.console.router()).test(.router) { client in
                let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
                try await client.execute(uri: "/sign-in", method: .post, headers: form, body: ByteBuffer(string: "token=clf_wrong")) { response in
                    #expect(response.status == .unauthorized && response.headers[.setCookie] == nil)
                    #expect(String(buffer: response.body).contains("not known to the firm directory"))
                }
                var session = ""
                try await client.execute(uri: "/sign-in", method: .post, headers: form, body: ByteBuffer(string: "token=\(anna)")) { response in
                    #expect(response.status == .seeOther && response.headers[.location] == "/")
                    let cookie = try #require(response.headers[.setCookie])
                    #expect(cookie.hasPrefix("closer_firm_session=cls_") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
                    #expect(!cookie.contains(anna), "the browser never holds the token")
                    session = String(cookie.dropFirst("closer_firm_session=".count).prefix { $0 != ";" })
                }
                try await client.execute(uri: "/", method: .get, headers: Self.cookie(session)) { #expect($0.status == .ok) }
                try await client.execute(uri: "/sign-out", method: .post, headers: Self.cookie(session)) { #expect($0.status == .seeOther) }
                try await client.execute(uri: "/", method: .get, headers: Self.cookie(session)) { response in
                    #expect(response.status == .seeOther && response.headers[.location] == "/sign-in", "signed out: the session is over on the server")
                }
                // Deactivating a member ends their sessions at once.
                try await client.execute(uri: "/", method: .get, headers: Self.cookie(vera)) { #expect($0.status == .ok) }
                try await firm.directory.setActive(login: "vera", false, by: "ops")
                try await client.execute(uri: "/", method: .get, headers: Self.cookie(vera)) { #expect($0.status == .seeOther) }
            }
        }
    }

    @Test func aTenantWhoseStoreCannotBeReadIsShownAsSuchAndTheOthersStillAre() async throws {
        try await Self.withFirm { firm in
            let anna = try #require(firm.tokens["anna"])
            let tenant2 = try firm.console.tenants.tenant("tenant2")
            let problem = try TestStore.spoil(firm.console.cards.stores.storePath(of: tenant2))
            try await Application(router: firm.console.router()).test(.router) { client in
                try await client.execute(uri: "/api/tenants", method: .get, headers: Self.bearer(anna)) { response in
                    #expect(response.status == .ok)
                    let cards = try #require(try Self.json(response) as? [[String: Any]])
                    #expect(cards.count == 2 && cards[0]["tenant"] as? String == "tenant1" && cards[0]["readiness"] != nil && cards[0]["problem"] == nil)
                    #expect((cards[1]["problem"] as? String)?.contains(problem) == true, "\(cards[1])")
                }
                try await client.execute(uri: "/", method: .get, headers: Self.cookie(try #require(firm.sessions["anna"]))) { response in
                    #expect(response.status == .ok && String(buffer: response.body).contains(#"<td class="bad">store unreadable: "#))
                }
            }
        }
    }

    @Test func theConsoleAsksForTheClosesTheCalendarsSayAreDueOnce() async throws {
        try await Self.withFirm { firm in
            let scheduler = Task { await firm.console.askForDueCloses(on: firm.queue, every: .milliseconds(50), logger: Logger(label: "test")) }
            let deadline = ContinuousClock.now + .seconds(30)
            while try await firm.queue.jobs(tenant: "tenant3", limit: 10).isEmpty, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
            }
            try await Task.sleep(for: .milliseconds(300))   // several more rounds: none may ask again
            // Stopped and waited for before the firm's schemas are dropped, which its last round would race.
            scheduler.cancel()
            await scheduler.value
            let tenant3 = try await firm.queue.jobs(tenant: "tenant3", limit: 10)
            #expect(tenant3.map { "\($0.kind.rawValue) \($0.period?.description ?? "")" } == ["pull 2026-10"], "due by the 3rd working day of November")
            #expect(try await firm.queue.jobs(tenant: "tenant1", limit: 10).filter { $0.kind == .pull }.count == 1, "tenant1's October was asked for already")
            #expect(try await firm.queue.jobs(tenant: "tenant2", limit: 10).isEmpty, "tenant2 has no calendar")
        }
    }
}
