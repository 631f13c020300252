@testable import Automation
import Foundation
import Testing

@Suite struct WebhookSignerTests {
    static let signer = WebhookSigner(secret: WebhookSecret("whsec-test-0123456789"))
    static let now = Date(timeIntervalSince1970: 1_796_000_000)
    static let body = Array(#"{"type":"finding.opened","source":"demo"}"#.utf8)

    @Test func aSignatureIsTheHMACOfTimestampDotBody() throws {
        let header = Self.signer.signature(for: Self.body, at: Self.now)
        // The same value a receiver computes with any HMAC-SHA256 tool (here: openssl dgst -sha256 -hmac).
        #expect(header == "t=1796000000,v1=" + (try Self.opensslHMAC("1796000000." + String(decoding: Self.body, as: UTF8.self))))
        try Self.signer.verify(header, body: Self.body, now: Self.now.addingTimeInterval(299))
    }

    @Test func aTamperedBodyAnotherSecretOrAnOldTimestampIsRejected() throws {
        let header = Self.signer.signature(for: Self.body, at: Self.now)
        #expect(throws: WebhookSignatureError.mismatch) {
            try Self.signer.verify(header, body: Array(#"{"type":"finding.opened","source":"evil"}"#.utf8), now: Self.now)
        }
        #expect(throws: WebhookSignatureError.mismatch) {
            try WebhookSigner(secret: WebhookSecret("another")).verify(header, body: Self.body, now: Self.now)
        }
        #expect(throws: WebhookSignatureError.outsideTolerance(seconds: 301)) {
            try Self.signer.verify(header, body: Self.body, now: Self.now.addingTimeInterval(301))
        }
        // A replayed body with a fresh timestamp but the old signature does not match either.
        let replay = header.replacingOccurrences(of: "t=1796000000", with: "t=1796000400")
        #expect(throws: WebhookSignatureError.mismatch) { try Self.signer.verify(replay, body: Self.body, now: Self.now.addingTimeInterval(400)) }
        #expect(throws: WebhookSignatureError.malformed) { try Self.signer.verify("v1=abcd", body: Self.body, now: Self.now) }
    }

    @Test func aSecretNeverPrintsAndComparesExactly() {
        let secret = WebhookSecret("s3cr3t")
        #expect("\(secret)" == "<redacted>" && String(reflecting: secret) == "<redacted>")
        #expect(secret.matches("s3cr3t") && !secret.matches("s3cr3") && !secret.matches("s3cr3t ") && !secret.matches(""))
    }

    static func opensslHMAC(_ message: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl", "dgst", "-sha256", "-hmac", "whsec-test-0123456789", "-r"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(message.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return String(text.prefix { $0.isHexDigit })
    }
}
