import Foundation
@testable import OdooRPC
import Testing

@Suite struct FaultMappingTests {
    static let endpoint = OdooEndpoint(
        url: URL(string: "http://odoo.test")!, database: "closedemo", login: "admin", credential: .password("pa55-SECRET"))

    static func error(_ rpcProtocol: RPCProtocol, _ body: [UInt8], status: Int = 200) -> OdooError? {
        let codec = rpcProtocol.codec(for: endpoint)
        do {
            _ = try codec.decode(HTTPResponse(status: status, body: body), for: .model(model: "m", method: "x", args: [], kwargs: [:]))
            return nil
        } catch {
            return error as? OdooError
        }
    }

    static func transcriptError(_ name: String) -> OdooError? {
        let transcript = Transcript.named(name)
        return error(transcript.isXMLRPC ? .xmlrpc : .jsonrpc, transcript.response)
    }

    @Test func recordedFaults() throws {
        #expect("\(try #require(Self.transcriptError("xmlrpc-09")))" == "\(OdooError.unknownModel("no.such.model"))")
        #expect("\(try #require(Self.transcriptError("jsonrpc-05")))" == "\(OdooError.unknownModel("no.such.model"))")
        guard case .accessDenied("admin", "closedemo") = try #require(Self.transcriptError("jsonrpc-06")) else {
            Issue.record("expected accessDenied"); return
        }
        guard case .userError(let unbalanced) = try #require(Self.transcriptError("xmlrpc-17-create-unbalanced")) else {
            Issue.record("expected userError"); return
        }
        #expect(unbalanced.hasPrefix("The move (Draft Entry) is not balanced."))
        let readonly = "You cannot modify the following readonly fields on a posted move: date"
        for name in ["xmlrpc-20", "jsonrpc-07"] {
            guard case .userError(let message) = try #require(Self.transcriptError(name)) else { Issue.record("\(name)"); continue }
            #expect(message == readonly)
        }
    }

    @Test func tracebackStaysInDebugDetail() throws {
        let error = try #require(Self.transcriptError("jsonrpc-07"))
        #expect(!error.description.contains("Traceback"))
        #expect(error.debugDetail?.hasPrefix("Traceback (most recent call last)") == true)
    }

    static func traceback(_ last: String) -> String {
        "Traceback (most recent call last):\n  File \"/opt/odoo/odoo/http.py\", line 1, in x\n    y()\n\(last)\n"
    }

    @Test(arguments: [
        (1, traceback("psycopg2.errors.SerializationFailure: could not serialize access due to concurrent update"), "serialization"),
        (1, traceback("ValueError: Invalid field 'foo' on model 'account.move'"), "field"),
        (1, traceback("psycopg2.OperationalError: connection to server failed: FATAL:  database \"nope\" does not exist"), "database"),
        (1, traceback("TypeError: cannot marshal None unless allow_none is enabled"), "fault"),
        (3, "Access Denied", "denied"),
        (4, "You are not allowed to access 'Journal Entry' (account.move) records.", "access"),
        (2, "Record does not exist or has been deleted.", "user"),
    ])
    func xmlrpcFaultCodes(code: Int, faultString: String, kind: String) throws {
        let error = try #require(Self.error(.xmlrpc, Wire.xmlFaultBody(code: code, message: faultString)))
        switch (kind, error) {
        case ("serialization", .serverFault(OdooError.serializationFailureCode, _)): #expect(error.isTransient)
        case ("field", .unknownField(model: "account.move", field: "foo")),
             ("database", .unknownDatabase("nope")), ("denied", .accessDenied), ("access", .accessError), ("user", .userError):
            #expect(!error.isTransient)
        case ("fault", .serverFault("TypeError", let message)): #expect(message.hasPrefix("cannot marshal None"))
        default: Issue.record("\(kind): got \(error)")
        }
        #expect(error.debugDetail == faultString)
    }

    @Test(arguments: [
        ("odoo.exceptions.MissingError", "Record does not exist", "missing"),
        ("odoo.exceptions.ValidationError", "Amount must be positive", "validation"),
        ("odoo.exceptions.AccessError", "Not allowed", "access"),
        ("builtins.KeyError", "'x'", "fault"),
    ])
    func jsonrpcExceptionNames(name: String, message: String, kind: String) throws {
        let body = JSONWriter.encode(["jsonrpc": "2.0", "id": 1, "error": [
            "code": 200, "message": "Odoo Server Error", "data": ["name": .string(name), "message": .string(message), "debug": "tb"],
        ]])
        let error = try #require(Self.error(.jsonrpc, body))
        switch (kind, error) {
        case ("missing", .missingRecord(message)), ("validation", .validationError(message)), ("access", .accessError(message)),
             ("fault", .serverFault("KeyError", message)): break
        default: Issue.record("\(kind): got \(error)")
        }
    }

    @Test func json2ErrorsAreStatusesWithJSONBodies() throws {
        let body = JSONWriter.encode(["name": "odoo.exceptions.UserError", "message": "Nope", "arguments": ["Nope"], "context": [:], "debug": "tb"])
        guard case .userError("Nope") = try #require(Self.error(.json2, body, status: 422)) else { Issue.record("userError"); return }
        guard case .accessDenied = try #require(Self.error(.json2, Array("{}".utf8), status: 401)) else { Issue.record("401"); return }
        guard case .httpStatus(503, _) = try #require(Self.error(.json2, Array("<html>".utf8), status: 503)) else { Issue.record("503"); return }
    }

    @Test func descriptionsNeverShowTheCredential() {
        let secret = "pa55-SECRET"
        let errors: [OdooError] = [.accessDenied(login: "admin", database: "closedemo"), .network("x"), .timeout(seconds: 1.5)]
        for error in errors {
            for text in ["\(error)", String(reflecting: error), error.localizedDescription] { #expect(!text.contains(secret)) }
        }
        #expect("\(Self.endpoint)".contains(secret) == false)
        #expect("\(OdooCredential.apiKey(secret))" == "<redacted>")
        #expect(String(reflecting: OdooCredential.password(secret)) == "<redacted>")
    }
}
