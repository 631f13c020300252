@testable import OdooRPC
import Testing

@Suite struct JSONCodecTests {
    @Test(arguments: Transcript.jsonrpc)
    func reencodesEveryRequestByteForByte(transcript: Transcript) throws {
        let request = try Wire.json(transcript.request)
        #expect(String(decoding: JSONWriter.encode(request), as: UTF8.self) == String(decoding: transcript.request, as: UTF8.self))
    }

    @Test(arguments: Transcript.jsonrpc)
    func decodesEveryResponseAndReencodesIt(transcript: Transcript) throws {
        let response = try Wire.json(transcript.response)
        // Odoo writes its replies with json.dumps too, so they round-trip exactly.
        #expect(JSONWriter.encode(response) == transcript.response)
    }

    @Test func searchReadLinesKeepExactAmounts() throws {
        let reply = try Wire.json(Transcript.named("jsonrpc-04").response)
        let first = try #require(reply["result"]?.arrayValue?.first)
        #expect(first["debit"]?.numberValue?.minorUnits(scale: 2) == 99_999_900)
        #expect(first["credit"] == .double(WireNumber(minorUnits: 0, scale: 0)))
        #expect(first["id"] == 18)
        #expect(first["partner_id"]?.many2one?.id == 15)
        #expect(first["reconciled"] == false)
    }

    @Test func escapesLikePythonEnsureASCII() throws {
        let value: RPCValue = ["k\u{e9}y": "tab\t\"q\" \\ caf\u{e9} \u{1F600} \u{7f}\u{01}", "n": .null, "l": [], "s": [:]]
        let text = String(decoding: JSONWriter.encode(value), as: UTF8.self)
        #expect(text == #"{"k\u00e9y": "tab\t\"q\" \\ caf\u00e9 \ud83d\ude00 \u007f\u0001", "n": null, "l": [], "s": {}}"#)
        #expect(try Wire.json(Array(text.utf8)) == value)
    }

    @Test func numbersStayExact() throws {
        #expect(try Wire.json(Array("[1, -2, 1.10, 1e-05, 12345678901234567890, 0.1]".utf8)) == [
            1, -2, .double(WireNumber(minorUnits: 11, scale: 1)), .double(WireNumber(minorUnits: 1, scale: 5)),
            .double(WireNumber(mantissa: 123_456_789_012_345_679, exponent: 2)), .double(WireNumber(minorUnits: 1, scale: 1)),
        ])
    }

    /// Found by WireFuzzTests: 19-digit integers came back as 18 significant digits and a power of ten.
    @Test func integersUpTo64BitsStayExactIntegers() throws {
        #expect(try Wire.json(Array("[9223372036854775807, -9223372036854775808, 1000000000000000000, 9223372036854775808]".utf8)) == [
            .int(.max), .int(.min), .int(1_000_000_000_000_000_000), .double(WireNumber(mantissa: 922_337_203_685_477_581, exponent: 1)),
        ])
    }

    @Test(arguments: ["", "{", "[1, 2", "{\"a\" 1}", "<html>", "\"abc", "[1,]", "nul", "{\"a\": 1} x", "\"\\x\""])
    func rejectsMalformedJSON(body: String) {
        #expect {
            _ = try Wire.json(Array(body.utf8))
        } throws: { error in
            guard case OdooError.malformedResponse(let detail) = error else { return false }
            return detail.contains("expected")
        }
    }

    /// Odoo omits "result" when a method returns None; the call still succeeded.
    @Test func aReplyWithoutResultIsNone() throws {
        #expect(try OdooWire.decodeJSONRPCResponse(Array(#"{"jsonrpc": "2.0", "id": 1}"#.utf8)) == .null)
        #expect(throws: OdooError.self) { try OdooWire.decodeJSONRPCResponse(Array(#"{"id": 1}"#.utf8)) }
    }
}
