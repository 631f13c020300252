import CloseSettings
import CloseChecks
import Foundation
import Governance
import Hummingbird
import CloseWorkflows
import JobQueue
import Ledger

/// A tenant's card as the console's API answers it (snake_case keys; amounts never appear, only counts).
struct TenantCardJSON: Encodable {
    struct JobJSON: Encodable {
        var id: Int64
        var kind: String
        var period: String?
        var state: String
        var attempts: Int
        var enqueuedAt: Date
        var finishedAt: Date?
        var lastError: String?

        init(_ job: Job) {
            (id, kind, period, state, attempts) = (job.id, job.kind.rawValue, job.period?.description, job.state.rawValue, job.attempts)
            (enqueuedAt, finishedAt, lastError) = (job.enqueuedAt, job.finishedAt, job.lastError)
        }
    }

    var tenant: String
    var owner: String?
    var calendar: String?
    var yourRoles: [String]
    var period: String?
    var deadline: String?
    var daysToClose: Int?
    var company: String?
    var readiness: Double?
    var tasksDone: Int?
    var tasksTotal: Int?
    var exceptions: Int?
    var businessExceptions: Int?
    var findings: [String: Int]?
    var blockers: [String]?
    var locked: Bool?
    var problem: String?
    var jobs: [JobJSON]

    init(_ card: TenantCard, roles: Set<CloserRole>) {
        tenant = card.tenant.id
        owner = card.tenant.owner
        calendar = card.tenant.calendar?.description
        yourRoles = roles.sorted().map(\.rawValue)
        period = card.period?.description
        deadline = card.deadline?.description
        daysToClose = card.daysToClose
        if let status = card.status {
            company = status.companyName
            readiness = status.readiness
            (tasksDone, tasksTotal, exceptions, blockers, locked) = (status.tasksDone, status.tasksTotal, status.exceptions, status.blockers, status.locked)
            businessExceptions = status.businessExceptions
            findings = status.findingsBySeverity.map { Dictionary(uniqueKeysWithValues: $0.map { ($0.key.rawValue, $0.value) }) }
        }
        problem = card.problem
        jobs = card.jobs.map(JobJSON.init)
    }

    static func response(_ value: some Encodable) throws -> Response {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}
