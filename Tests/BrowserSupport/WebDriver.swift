public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Chromium driven through chromedriver's W3C WebDriver HTTP API (over `LoopbackHTTPClient`): chromedriver runs as a child
/// process on a free port, the browser headless in a throwaway profile.
public final class WebDriver: @unchecked Sendable {
    /// Debian's packages install both here; anything on PATH works too.
    public static let chromium = executable(named: "chromium")
    public static let chromedriver = executable(named: "chromedriver")
    public static var isAvailable: Bool { chromium != nil && chromedriver != nil }

    private let driver: Process
    private let port: Int
    private let profile: URL
    private var sessionID = ""

    public init() async throws {
        guard let chromium = Self.chromium, let chromedriver = Self.chromedriver else { throw WebDriverError.notInstalled }
        port = try Self.freePort()
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("closer-chromium-\(UUID().uuidString)")
        driver = Process()
        driver.executableURL = URL(fileURLWithPath: chromedriver)
        driver.arguments = ["--port=\(port)"]
        driver.standardOutput = FileHandle.nullDevice
        driver.standardError = FileHandle.nullDevice
        try driver.run()
        do {
            try await waitUntilReady()
            let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": [
                "browserName": "chrome",
                "goog:chromeOptions": ["binary": chromium,
                                       "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                                                "--user-data-dir=\(profile.path)"]],
            ]]]
            let created = try await command("POST", "/session", capabilities)
            guard let value = created["value"] as? [String: Any], let id = value["sessionId"] as? String else {
                throw WebDriverError.unexpected("no session id in \(created)")
            }
            sessionID = id
        } catch {
            await stopDriver()
            throw error
        }
    }

    /// Ends the browser and chromedriver; call it once the test is done with the page.
    public func quit() async {
        _ = try? await command("DELETE", "/session/\(sessionID)")
        await stopDriver()
    }

    /// chromedriver does not stop on SIGTERM: it is asked to shut down, and killed if it has not within five seconds.
    private func stopDriver() async {
        _ = try? await command("GET", "/shutdown")
        for _ in 0..<50 where driver.isRunning { try? await Task.sleep(for: .milliseconds(100)) }
        if driver.isRunning { kill(driver.processIdentifier, SIGKILL) }
        driver.waitUntilExit()
        try? FileManager.default.removeItem(at: profile)
    }

    public func navigate(to url: URL) async throws {
        _ = try await command("POST", "/session/\(sessionID)/url", ["url": url.absoluteString])
    }

    public func currentURL() async throws -> String {
        try await command("GET", "/session/\(sessionID)/url")["value"] as? String ?? ""
    }

    public func element(_ css: String) async throws -> String {
        let found = try await command("POST", "/session/\(sessionID)/element", ["using": "css selector", "value": css])
        guard let value = found["value"] as? [String: Any], let id = value["element-6066-11e4-a52e-4f735466cecf"] as? String else {
            throw WebDriverError.unexpected("no element \(css): \(found)")
        }
        return id
    }

    public func type(_ text: String, into css: String) async throws {
        _ = try await command("POST", "/session/\(sessionID)/element/\(try await element(css))/value", ["text": text])
    }

    public func click(_ css: String) async throws {
        _ = try await command("POST", "/session/\(sessionID)/element/\(try await element(css))/click", [String: String]())
    }

    public func text(of css: String) async throws -> String {
        try await command("GET", "/session/\(sessionID)/element/\(try await element(css))/text")["value"] as? String ?? ""
    }

    /// The element's text once it satisfies `expected`, waiting up to ten seconds for the page a click
    /// started to arrive; the last text seen if it never does, for the test to report.
    public func text(of css: String, waitingFor expected: (String) -> Bool) async throws -> String {
        var seen = ""
        for _ in 0..<50 {
            seen = (try? await text(of: css)) ?? seen
            if expected(seen) { return seen }
            try await Task.sleep(for: .milliseconds(200))
        }
        return seen
    }

    /// chromedriver answers /status once it listens; until then the connection is refused.
    private func waitUntilReady() async throws {
        var lastError: (any Error)?
        for _ in 0..<150 {
            do {
                _ = try await command("GET", "/status")
                return
            } catch {
                lastError = error
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw WebDriverError.unexpected("chromedriver did not answer: \(String(describing: lastError))")
    }

    /// One WebDriver command; a WebDriver error (an `error` in the value) is thrown with its message.
    private func command(_ method: String, _ path: String, _ body: Any? = nil) async throws -> [String: Any] {
        let payload = try body.map { try JSONSerialization.data(withJSONObject: $0) }
        let data = try await LoopbackHTTPClient.send(method: method, port: port, path: path, body: payload).body
        guard let answer = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { throw WebDriverError.unexpected("not JSON") }
        if let value = answer["value"] as? [String: Any], let error = value["error"] as? String {
            throw WebDriverError.unexpected("\(error): \(value["message"] ?? "")")
        }
        return answer
    }

    private static func executable(named name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A port nobody listens on now: bind to port 0, read what the kernel chose, release it.
    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw WebDriverError.unexpected("no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    public enum WebDriverError: Error { case notInstalled, unexpected(String) }
}
