public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A minimal HTTP/1.1 server on 127.0.0.1 for the simulated Odoo and for tests that drive real HTTP clients (Odoo's endpoints,
/// an OpenAI-compatible chat endpoint): one request per connection, Content-Length bodies, behaviour
/// chosen per request, every request kept (unless told not to: a long scale run would hold them all).
public final class LoopbackServer: @unchecked Sendable {
    public struct Request: Sendable {
        public var number: Int
        public var path: String
        public var headers: [String: String]
        public var body: [UInt8]
    }

    public enum Action: Sendable {
        case respond(status: Int, contentType: String, body: [UInt8])
        /// Closes the connection without answering.
        case close
        /// Waits, then does the action (past a short client timeout, the client gives up first).
        indirect case delay(seconds: Double, then: Action)
        /// Announces the full length but sends only the first `sent` bytes, then closes.
        case truncated(body: [UInt8], sent: Int)

        public static func ok(_ body: [UInt8], contentType: String = "text/xml") -> Action {
            .respond(status: 200, contentType: contentType, body: body)
        }

        public static func json(_ body: [UInt8]) -> Action { ok(body, contentType: "application/json") }
    }

    public typealias Handler = @Sendable (Request) -> Action

    public let port: UInt16
    private let listener: Int32
    private let handler: Handler
    private let keepsRequests: Bool
    private let counter = NSLock()
    private var served = 0
    private var received: [Request] = []

    public var url: URL { URL(string: "http://127.0.0.1:\(port)")! }

    public var requestCount: Int {
        counter.lock(); defer { counter.unlock() }
        return served
    }

    /// Every request received so far, in arrival order.
    public var requests: [Request] {
        counter.lock(); defer { counter.unlock() }
        return received
    }

    /// `port` 0 takes a free port; a given port lets a test bring a stopped server back at the same
    /// address (a restart), once the old listener has closed.
    public init(port requested: UInt16 = 0, keepingRequests: Bool = true, handler: @escaping Handler) throws {
        self.handler = handler
        keepsRequests = keepingRequests
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var reuse: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = Self.loopback(port: requested)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else { close(fd); throw POSIXError(.EADDRINUSE) }
        listener = fd
        port = Self.boundPort(fd)
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// A port on which nothing listens, for "connection refused".
    public static func closedPort() -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = loopback(port: 0)
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        // The socket stays bound (never listening) for the rest of the test run: connections are
        // refused, and no server started by a parallel test can take the port over.
        return boundPort(fd)
    }

    /// Wakes the accept loop, which closes the listener itself: closing it here could hand its file
    /// descriptor number to a parallel test's new socket while accept() still waits on it, and this
    /// server would then answer that test's requests.
    public func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
    }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else {
                close(listener)
                return
            }
            Thread { [self] in serve(connection) }.start()
        }
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        guard var request = readRequest(connection) else { return }
        counter.lock()
        served += 1
        request.number = served
        if keepsRequests { received.append(request) }
        counter.unlock()
        perform(handler(request), on: connection)
    }

    private func perform(_ action: Action, on connection: Int32) {
        switch action {
        case .respond(let status, let contentType, let body):
            send(connection, header(status: status, contentType: contentType, length: body.count) + body)
        case .close:
            return
        case .delay(let seconds, let next):
            Thread.sleep(forTimeInterval: seconds)
            perform(next, on: connection)
        case .truncated(let body, let sent):
            send(connection, header(status: 200, contentType: "text/xml", length: body.count) + body.prefix(sent))
        }
    }

    private func header(status: Int, contentType: String, length: Int) -> [UInt8] {
        Array("HTTP/1.1 \(status) Status\r\nContent-Type: \(contentType)\r\nContent-Length: \(length)\r\nConnection: close\r\n\r\n".utf8)
    }

    private func readRequest(_ connection: Int32) -> Request? {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        let separator: [UInt8] = [13, 10, 13, 10]
        var headerEnd: Int?
        while headerEnd == nil {
            let count = recv(connection, &chunk, chunk.count, 0)
            guard count > 0 else { return nil }
            buffer += chunk[0..<count]
            headerEnd = buffer.firstRange(of: separator)?.upperBound
        }
        let head = String(decoding: buffer[0..<headerEnd!], as: UTF8.self).split(separator: "\r\n")
        let path = head.first?.split(separator: " ").dropFirst().first.map(String.init) ?? "/"
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        if headers["expect"]?.lowercased() == "100-continue" { send(connection, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        while buffer.count - headerEnd! < length {
            let count = recv(connection, &chunk, chunk.count, 0)
            guard count > 0 else { return nil }
            buffer += chunk[0..<count]
        }
        return Request(number: 0, path: path, headers: headers, body: Array(buffer[headerEnd!..<(headerEnd! + length)]))
    }

    private func send(_ connection: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { return }
            offset += sent
        }
    }

    private static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    private static func boundPort(_ fd: Int32) -> UInt16 {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return UInt16(bigEndian: address.sin_port)
    }
}
