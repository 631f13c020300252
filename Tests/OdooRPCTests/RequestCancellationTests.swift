import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import LoopbackHTTP
@testable import OdooRPC
import Testing

/// A task cancelled while its request is in flight (a worker drained by SIGTERM mid-pull, a caller giving
/// up) must end at once. With Swift 6.3's own `URLSession.data(for:)` the cancel and the answer arriving
/// together deadlock (the run hung for ever in CI that way), and cancelling the request itself can trap.
@Suite struct RequestCancellationTests {
    /// What a request of a round is for: racing its cancellation, never cancelled, or cancelled long before
    /// its slow answer.
    enum Role: CaseIterable { case racing, alsoRacing, kept, abandoned }

    @Test func requestsCancelledAtAnyMomentEndAndTheRestGetTheirAnswer() async throws {
        let answer = [UInt8](repeating: UInt8(ascii: "x"), count: 2_000)
        let server = try LoopbackServer(keepingRequests: false) { request in
            Thread.sleep(forTimeInterval: request.path.hasSuffix("slow") ? 1.5 : Double.random(in: 0...0.004))
            return .ok(answer)
        }
        defer { server.stop() }
        let session = URLSession(configuration: .ephemeral)
        let quick = Self.post(to: server.url.appendingPathComponent("quick")), slow = Self.post(to: server.url.appendingPathComponent("slow"))

        let rounds = 40, perRound = Role.allCases.count
        let tally = Tally()
        // Cancelled from a plain thread: were the cancel to deadlock again, it would block that thread, not
        // the test's, and the deadline below would report it instead of hanging the run.
        let stress = Task {
            for _ in 0..<rounds {
                let tasks = Role.allCases.map { role in
                    (role, Task {
                        do {
                            let (data, _) = try await session.cancellableData(for: role == .abandoned ? slow : quick)
                            tally.record(role, Array(data) == answer ? .answered : .other("a wrong body of \(data.count) bytes"))
                        } catch let error as URLError where error.code == .cancelled {
                            tally.record(role, .cancelled)
                        } catch {
                            tally.record(role, .other(String(describing: error)))
                        }
                    })
                }
                let delay = Double.random(in: 0...0.004)
                let cancelled = tasks.filter { $0.0 != .kept }.map(\.1)
                Thread.detachNewThread {
                    Thread.sleep(forTimeInterval: delay)
                    cancelled.forEach { $0.cancel() }
                }
                for (_, task) in tasks { await task.value }
            }
        }
        // Generous: the whole suite runs beside it on two cores. The stock call hung within its first few rounds.
        let deadline = ContinuousClock.now + .seconds(300)
        while tally.total < rounds * perRound, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        let outcomes = tally.snapshot
        #expect(tally.total == rounds * perRound, "hung: \(tally.total) of \(rounds * perRound) requests ended within five minutes")
        #expect(outcomes.others.isEmpty, "neither an answer nor a cancellation: \(outcomes.others.prefix(3))")
        #expect(outcomes.answered[.kept] == rounds, "every request nobody cancelled got its answer")
        #expect(outcomes.cancelled[.abandoned] == rounds, "every request cancelled long before its answer ended as cancelled, at once")
        if tally.total == rounds * perRound { await stress.value }
    }

    static func post(to url: URL) -> URLRequest {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = Data("question".utf8)
        return request
    }

    /// How the requests of each role ended.
    final class Tally: Sendable {
        enum Ending { case answered, cancelled, other(String) }
        struct Counts { var answered: [Role: Int] = [:], cancelled: [Role: Int] = [:], others: [String] = [] }
        private let counts = Locked(Counts())

        func record(_ role: Role, _ ending: Ending) {
            counts.withLock { counts in
                switch ending {
                case .answered: counts.answered[role, default: 0] += 1
                case .cancelled: counts.cancelled[role, default: 0] += 1
                case .other(let description): counts.others.append(description)
                }
            }
        }
        var snapshot: Counts { counts.withLock { $0 } }
        var total: Int { counts.withLock { $0.answered.values.reduce(0, +) + $0.cancelled.values.reduce(0, +) + $0.others.count } }
    }
}
