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
    @Test func requestsCancelledAtAnyMomentEndAndTheRestGetTheirAnswer() async throws {
        let answer = [UInt8](repeating: UInt8(ascii: "x"), count: 2_000)
        let server = try LoopbackServer(keepingRequests: false) { _ in
            Thread.sleep(forTimeInterval: Double.random(in: 0...0.004))
            return .ok(answer)
        }
        defer { server.stop() }
        let session = URLSession(configuration: .ephemeral)
        let request = Self.post(to: server.url.appendingPathComponent("answer"))

        let rounds = 100, perRound = 4
        let tally = Tally()
        // Cancelled from a plain thread: were the cancel to deadlock again, it would block that thread, not
        // the test's, and the deadline below would report it instead of hanging the run.
        let stress = Task {
            for _ in 0..<rounds {
                let tasks = (0..<perRound).map { _ in
                    Task {
                        do {
                            let (data, _) = try await session.cancellableData(for: request)
                            tally.record(Array(data) == answer ? .answered : .other("a wrong body of \(data.count) bytes"))
                        } catch let error as URLError where error.code == .cancelled {
                            tally.record(.cancelled)
                        } catch {
                            tally.record(.other(String(describing: error)))
                        }
                    }
                }
                let delay = Double.random(in: 0...0.004)
                Thread.detachNewThread {
                    Thread.sleep(forTimeInterval: delay)
                    tasks.forEach { $0.cancel() }
                }
                for task in tasks { await task.value }
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
        #expect(outcomes.answered > 0 && outcomes.cancelled > 0, "both endings happen: \(outcomes.answered) answered, \(outcomes.cancelled) cancelled")
        if tally.total == rounds * perRound { await stress.value }
    }

    static func post(to url: URL) -> URLRequest {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = Data("question".utf8)
        return request
    }

    /// How the requests ended.
    final class Tally: Sendable {
        enum Ending { case answered, cancelled, other(String) }
        struct Counts { var answered = 0, cancelled = 0, others: [String] = [] }
        private let counts = Locked(Counts())

        func record(_ ending: Ending) {
            counts.withLock { counts in
                switch ending {
                case .answered: counts.answered += 1
                case .cancelled: counts.cancelled += 1
                case .other(let description): counts.others.append(description)
                }
            }
        }
        var snapshot: Counts { counts.withLock { $0 } }
        var total: Int { counts.withLock { $0.answered + $0.cancelled + $0.others.count } }
    }
}
