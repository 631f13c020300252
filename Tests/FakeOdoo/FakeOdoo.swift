public import LoopbackHTTP
public import OdooRPC
import OdooSimulator
import Foundation

/// An in-memory Odoo 18 speaking JSON-RPC, for tests that must see what Closer's write paths leave
/// in Odoo without a server: just the models, fields, domain operators and methods those paths call,
/// with Odoo's semantics where Closer depends on them (a statement line is reconciled once its entry
/// has no suspense item; residuals come from partial reconciliations; a posted entry cannot be
/// deleted; a hard lock never moves back). Each call is one transaction: a refused call changes nothing.
public final class FakeOdoo: @unchecked Sendable {
    public typealias Record = [String: RPCValue]

    public static let database = "fake"
    public static let adminLogin = "admin"
    public static let adminPassword = "admin"
    public static let adminUID = 2

    let lock = NSLock()
    var tables: [String: [Int: Record]] = [:]
    private var lastIDs: [String: Int] = [:]
    private var performed: [String] = []
    /// Module installs and upgrades so far: each stamps its module's write_date one second later.
    var moduleChanges = 0

    public init() {}

    /// The calls that changed something, "model.method", in the order Odoo performed them.
    public var performedWrites: [String] {
        lock.lock(); defer { lock.unlock() }
        return performed
    }

    /// Answers one HTTP request as Odoo's /jsonrpc (or /xmlrpc/2) endpoint does.
    public func handle(_ request: LoopbackServer.Request) -> LoopbackServer.Action {
        OdooServiceCall.serve(request) { try answer($0) }
    }

    private func answer(_ call: OdooServiceCall) throws -> RPCValue {
        let args = call.args
        switch (call.service, call.method) {
        case ("common", "version"):
            return OdooServiceCall.odoo18Version
        case ("common", "authenticate"):
            let valid = args.count >= 3 && args[0].stringValue == Self.database && args[1].stringValue == Self.adminLogin
                && args[2].stringValue == Self.adminPassword
            return valid ? RPCValue(Self.adminUID) : false
        case ("object", "execute_kw"):
            guard let kw = call.executeKW, kw.uid == Self.adminUID, kw.password == Self.adminPassword else { throw OdooServerFault.accessDenied }
            return try transaction(kw.model, kw.method, kw.args, kw.kwargs)
        default:
            throw OdooServerFault(exceptionName: "builtins.NotImplementedError", message: "the fake Odoo does not serve \(call.service).\(call.method)")
        }
    }

    /// Runs one ORM call atomically: on a refusal every table is as it was.
    func transaction(_ model: String, _ method: String, _ args: [RPCValue], _ kwargs: RPCStruct) throws -> RPCValue {
        lock.lock(); defer { lock.unlock() }
        let saved = (tables, lastIDs)
        do {
            let result = try call(model, method, args, kwargs)
            if !Self.readMethods.contains(method) { performed.append("\(model).\(method)") }
            return result
        } catch {
            (tables, lastIDs) = saved
            throw error
        }
    }

    static let readMethods: Set<String> = ["search", "search_read", "read", "search_count", "fields_get", "read_group"]

    private func call(_ model: String, _ method: String, _ args: [RPCValue], _ kwargs: RPCStruct) throws -> RPCValue {
        guard tables[model] != nil else { throw OdooServerFault.noModel(model) }
        let ids = { (position: Int) in (args.count > position ? args[position].arrayValue ?? [args[position]] : []).compactMap(\.int) }
        switch method {
        case "search":
            return RPCValue(search(model, args.first?.arrayValue ?? [], limit: kwargs["limit"]?.int, order: kwargs["order"]?.stringValue))
        case "search_count":
            return RPCValue(search(model, args.first?.arrayValue ?? [], limit: nil, order: nil).count)
        case "search_read":
            let found = search(model, args.first?.arrayValue ?? [], limit: kwargs["limit"]?.int, order: kwargs["order"]?.stringValue)
            return .array(found.map { .structure(read(model, $0, fields: Self.strings(kwargs["fields"]))) })
        case "read":
            return .array(ids(0).filter { tables[model]?[$0] != nil }.map { .structure(read(model, $0, fields: Self.strings(kwargs["fields"]))) })
        case "fields_get":
            // The fields the model is declared with, and those its records hold: a reader asking fields_get reads them all.
            let stored = Set((tables[model] ?? [:]).values.flatMap(\.keys))
            return .structure(RPCStruct(Set(Self.fields(of: model)).union(stored).sorted().map { ($0, ["type": "char"] as RPCValue) }))
        case "create":
            let list = args.first?.arrayValue ?? []
            return RPCValue(try list.map { try create(model, try Self.values($0)) })
        case "write":
            try write(model, ids(0), try Self.values(args.count > 1 ? args[1] : [:]))
            return true
        case "unlink":
            try unlink(model, ids(0))
            return true
        case "message_post":
            return RPCValue(try messagePost(model, ids(0), kwargs))
        case "action_feedback" where model == "mail.activity":
            // Odoo 18 marks an activity done by posting its feedback and deleting it (the To-Do type keeps none).
            try unlink(model, ids(0))
            return .null
        case "action_post":
            try post(ids(0))
            return true
        case "read_group":
            return readGroup(model, domain: args.first?.arrayValue ?? [], fields: Self.strings(args.count > 1 ? args[1] : nil),
                             groupBy: Self.strings(args.count > 2 ? args[2] : nil).first ?? "id")
        case "reconcile" where model == "account.move.line":
            try reconcile(ids(0))
            return .null
        default:
            throw OdooServerFault(exceptionName: "builtins.AttributeError", message: "The method '\(method)' does not exist on the model '\(model)'")
        }
    }

    // MARK: - Records

    /// Adds a record as it is stored (ids of many2one fields, amounts in cents); returns its id.
    @discardableResult
    public func insert(_ model: String, _ values: Record) -> Int {
        lock.lock(); defer { lock.unlock() }
        return store(model, values)
    }

    func store(_ model: String, _ values: Record) -> Int {
        let id = (lastIDs[model] ?? 0) + 1
        lastIDs[model] = id
        var record = values
        record["id"] = RPCValue(id)
        tables[model, default: [:]][id] = record
        return id
    }

    /// Registers a model with no records yet, so calls on it are served.
    func declare(_ models: [String]) {
        for model in models where tables[model] == nil { tables[model] = [:] }
    }

    /// The stored records of a model (computed fields left out), for assertions.
    public func records(_ model: String) -> [Record] {
        lock.lock(); defer { lock.unlock() }
        return (tables[model] ?? [:]).sorted { $0.key < $1.key }.map(\.value)
    }

    /// Fields as a client reads them (many2one as [id, name], amounts as decimals, computed ones filled).
    public func read(_ model: String, id: Int, fields: [String]) -> RPCStruct {
        lock.lock(); defer { lock.unlock() }
        return read(model, id, fields: fields)
    }

    func read(_ model: String, _ id: Int, fields: [String]) -> RPCStruct {
        var result = RPCStruct()
        result["id"] = RPCValue(id)
        for field in fields where field != "id" { result[field] = value(model, id, field) }
        return result
    }

    static func strings(_ value: RPCValue?) -> [String] { value?.arrayValue?.compactMap(\.stringValue) ?? [] }

    /// Wire values to stored ones: amounts to cents, everything else as sent.
    static func values(_ value: RPCValue) throws -> Record {
        guard let values = value.structValue else { throw OdooServerFault.user("expected a dictionary of values, got \(value)") }
        var record = Record()
        for (key, item) in values {
            record[key] = moneyFields.contains(key) ? RPCValue(Int(item.numberValue?.minorUnits(scale: 2) ?? 0)) : item
        }
        return record
    }
}
