import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A one-request-per-connection HTTP/1.1 client over a plain socket to 127.0.0.1. chromedriver
/// writes headers without a space after the colon ("Content-Length:250"), which Foundation's
/// URLSession on Linux rejects ("Failed writing header"), so WebDriver commands go through this.
enum LoopbackHTTPClient {
    struct Answer {
        var status: Int
        var body: Data
    }

    static func send(method: String, port: Int, path: String, body: Data?) async throws -> Answer {
        try await withCheckedThrowingContinuation { continuation in
            // Blocking socket I/O runs off the cooperative pool: a page load behind a click can take seconds.
            DispatchQueue.global().async {
                continuation.resume(with: Result { try exchange(method: method, port: port, path: path, body: body) })
            }
        }
    }

    private static func exchange(method: String, port: Int, path: String, body: Data?) throws -> Answer {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ClientError.socket("socket") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else { throw ClientError.socket("connect to port \(port)") }
        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        if let body { request += "Content-Type: application/json; charset=utf-8\r\nContent-Length: \(body.count)\r\n" }
        let bytes = Array((request + "\r\n").utf8) + Array(body ?? Data())
        var sent = 0
        while sent < bytes.count {
            let written = bytes[sent...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard written > 0 else { throw ClientError.socket("write") }
            sent += written
        }
        // Read until the body announced by Content-Length is complete (or the server closes).
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        var head: (end: Int, status: Int, length: Int?)?
        while head.map({ $0.length.map { received.count < $0 + 4 + head!.end } ?? true }) ?? true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count >= 0 else { throw ClientError.socket("read") }
            if count == 0 { break }
            received += buffer[0..<count]
            if head == nil { head = try parseHead(received) }
        }
        guard let head else { throw ClientError.malformed }
        return Answer(status: head.status, body: Data(received[(head.end + 4)...]))
    }

    /// The status and Content-Length once the headers are complete; nil until then.
    private static func parseHead(_ received: [UInt8]) throws -> (end: Int, status: Int, length: Int?)? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = received.indices.first(where: { received[$0...].starts(with: separator) }) else { return nil }
        let lines = String(decoding: received[0..<end], as: UTF8.self).split(separator: "\r\n")
        guard let status = lines.first?.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { throw ClientError.malformed }
        let length = lines.dropFirst().compactMap { line -> Int? in
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
            return Int(parts[1].trimmingCharacters(in: .whitespaces))
        }.first
        return (end, status, length)
    }

    enum ClientError: Error { case socket(String), malformed }
}
