public import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension LoopbackServer {
    /// Forwards a request to a real server (a live Odoo) and hands back its answer, for proxies that
    /// record what reached it or drop an answer after the server acted on the request.
    public static func forward(_ request: Request, to base: URL) -> Action {
        var forwarded = URLRequest(url: base.appendingPathComponent(request.path))
        forwarded.httpMethod = "POST"
        forwarded.httpBody = Data(request.body)
        forwarded.setValue(request.headers["content-type"] ?? "text/xml", forHTTPHeaderField: "Content-Type")
        let done = DispatchSemaphore(value: 0)
        // Written before the signal, read after the wait: the semaphore orders the two.
        final class Answer: @unchecked Sendable { var action = Action.close }
        let answer = Answer()
        URLSession.shared.dataTask(with: forwarded) { data, response, _ in
            if let data, let http = response as? HTTPURLResponse {
                answer.action = .respond(status: http.statusCode, contentType: http.value(forHTTPHeaderField: "Content-Type") ?? "text/xml", body: Array(data))
            }
            done.signal()
        }.resume()
        done.wait()
        return answer.action
    }
}
