public import LoopbackHTTP
public import OdooRPC

/// One call to Odoo's External API as a server receives it — XML-RPC at `/xmlrpc/2/<service>` or JSON-RPC at
/// `/jsonrpc` — answered in the protocol it came in. Shared by the simulated Odoo and the tests' fake one.
public struct OdooServiceCall: Sendable {
    /// JSON-RPC replies carry the request's id back; XML-RPC has none.
    public enum Wire: Sendable { case xmlrpc, jsonrpc(id: RPCValue) }

    public var wire: Wire
    /// "common" or "object".
    public var service: String
    public var method: String
    public var args: [RPCValue]

    /// What Odoo 18's `common.version` answers.
    public static let odoo18Version: RPCValue = ["server_version": "18.0", "server_version_info": [18, 0, 0, "final", 0, ""], "protocol_version": 1]

    /// nil for a path Odoo's RPC endpoints do not serve (JSON-2's `/json/2/…` included); throws on a body that is not a call.
    public init?(_ request: LoopbackServer.Request) throws {
        if request.path == "/jsonrpc" {
            let body = try OdooWire.decodeJSON(request.body)
            let params = body["params"]
            wire = .jsonrpc(id: body["id"] ?? .null)
            service = params?["service"]?.stringValue ?? ""
            method = params?["method"]?.stringValue ?? ""
            args = params?["args"]?.arrayValue ?? []
        } else if request.path.hasPrefix("/xmlrpc/2/") {
            let call = try OdooWire.decodeXMLRPCCall(request.body)
            wire = .xmlrpc
            service = String(request.path.dropFirst("/xmlrpc/2/".count))
            method = call.method
            args = call.params
        } else {
            return nil
        }
    }

    /// `execute_kw`'s parts: database, uid, password, model, method, positional and keyword arguments.
    public var executeKW: (database: String, uid: Int, password: String, model: String, method: String, args: [RPCValue], kwargs: RPCStruct)? {
        guard service == "object", method == "execute_kw", args.count >= 5, let database = args[0].stringValue,
              let model = args[3].stringValue, let method = args[4].stringValue else { return nil }
        return (database, args[1].int ?? 0, args[2].stringValue ?? "", model, method,
                args.count > 5 ? args[5].arrayValue ?? [] : [], args.count > 6 ? args[6].structValue ?? [:] : [:])
    }

    /// Answers `request` with `answer`'s result; an `OdooServerFault` it throws becomes Odoo's error reply, any other error a
    /// server error naming it, and a path Odoo does not serve a 404.
    public static func serve(_ request: LoopbackServer.Request, _ answer: (OdooServiceCall) throws -> RPCValue) -> LoopbackServer.Action {
        let call: OdooServiceCall
        do {
            guard let parsed = try OdooServiceCall(request) else {
                return .respond(status: 404, contentType: "text/html", body: Array("<html><body>404 Not Found</body></html>".utf8))
            }
            call = parsed
        } catch {
            return .respond(status: 400, contentType: "text/html", body: Array("<html><body>400 Bad Request: \(error)</body></html>".utf8))
        }
        do {
            return call.reply(try answer(call))
        } catch let fault as OdooServerFault {
            return call.reply(fault: fault)
        } catch {
            return call.reply(fault: OdooServerFault(exceptionName: "builtins.ValueError", message: "\(error)"))
        }
    }

    public func reply(_ result: RPCValue) -> LoopbackServer.Action {
        switch wire {
        case .xmlrpc: .ok(OdooWire.encodeXMLRPCResponse(result))
        case .jsonrpc(let id): .json(OdooWire.encodeJSON(["jsonrpc": "2.0", "id": id, "result": result]))
        }
    }

    public func reply(fault: OdooServerFault) -> LoopbackServer.Action {
        switch wire {
        case .xmlrpc:
            // Odoo's XML-RPC fault for anything but AccessDenied is code 1 with the traceback, whose last line names the exception.
            let text = "Traceback (most recent call last):\n  (the simulated Odoo)\n\(fault.exceptionName): \(fault.message)"
            return .ok(OdooWire.encodeXMLRPCFault(code: fault.exceptionName.hasSuffix("AccessDenied") ? 3 : 1,
                                                  message: fault.exceptionName.hasSuffix("AccessDenied") ? fault.message : text))
        case .jsonrpc(let id):
            return .json(OdooWire.encodeJSON(["jsonrpc": "2.0", "id": id, "error": [
                "code": 200, "message": "Odoo Server Error",
                "data": ["name": .string(fault.exceptionName), "message": .string(fault.message), "debug": .string(fault.message)],
            ]]))
        }
    }
}
