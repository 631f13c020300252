/// A byte scanner for XML-RPC documents as Python's xmlrpc.client and Odoo write them.
///
/// It reads the subset XML-RPC uses (elements, whitespace between them, character and the
/// five predefined entity references, a prolog and comments) and rejects anything else with
/// the construct it expected, so truncated or non-XML bodies never pass as data.
struct XMLRPCDecoder {
    let bytes: UnsafeRawBufferPointer
    var index = 0
    private var depth = 0
    private static let maxDepth = 256

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    // MARK: Documents

    mutating func methodResponse() throws(XMLSyntaxError) -> XMLRPCResponse {
        try skipProlog()
        try expect("<methodResponse>")
        skipWhitespace()
        let response: XMLRPCResponse
        if peek("<fault>") {
            try expect("<fault>")
            let fault = try wrappedValue()
            try expect("</fault>")
            response = .fault(fault)
        } else {
            try expect("<params>")
            skipWhitespace()
            try expect("<param>")
            let value = try wrappedValue()
            try expect("</param>")
            skipWhitespace()
            try expect("</params>")
            response = .value(value)
        }
        skipWhitespace()
        try expect("</methodResponse>")
        try expectEnd()
        return response
    }

    mutating func methodCall() throws(XMLSyntaxError) -> (method: String, params: [RPCValue]) {
        try skipProlog()
        try expect("<methodCall>")
        skipWhitespace()
        try expect("<methodName>")
        let method = try text()
        try expect("</methodName>")
        skipWhitespace()
        var params: [RPCValue] = []
        if peek("<params>") {
            try expect("<params>")
            skipWhitespace()
            while !peek("</params>") {
                try expect("<param>")
                params.append(try wrappedValue())
                try expect("</param>")
                skipWhitespace()
            }
            try expect("</params>")
            skipWhitespace()
        }
        try expect("</methodCall>")
        try expectEnd()
        return (method, params)
    }

    /// `<value>…</value>` with the whitespace around it.
    private mutating func wrappedValue() throws(XMLSyntaxError) -> RPCValue {
        skipWhitespace()
        try expect("<value>")
        let value = try value()
        skipWhitespace()
        return value
    }

    // MARK: Values

    /// Parses the inside of `<value>` up to and including `</value>`.
    mutating func value() throws(XMLSyntaxError) -> RPCValue {
        let textStart = index
        let hasEntity = scanToTagStart()
        if peek("</value>") {
            let string = try decodeText(from: textStart, to: index, hasEntity: hasEntity)
            index += 8
            return .string(string)
        }
        guard isWhitespace(from: textStart, to: index) else { throw failure("a type element such as <string>") }
        let tag = try openTag()
        let result: RPCValue
        if tag.selfClosing {
            result = try emptyValue(tag)
        } else {
            result = try typedValue(tag)
            try expectClose(tag)
        }
        skipWhitespace()
        try expect("</value>")
        return result
    }

    private mutating func typedValue(_ tag: Tag) throws(XMLSyntaxError) -> RPCValue {
        switch tag.kind {
        case .string: return .string(try text())
        case .int: return .int(try integer())
        case .boolean:
            let start = index
            _ = scanToTagStart()
            let flag = trimmed(start, index)
            if flag.count == 1, bytes[flag.lowerBound] == UInt8(ascii: "1") { return .bool(true) }
            if flag.count == 1, bytes[flag.lowerBound] == UInt8(ascii: "0") { return .bool(false) }
            throw failure("0 or 1 in <boolean>", at: start)
        case .double:
            let start = index
            _ = scanToTagStart()
            let range = trimmed(start, index)
            guard let number = WireNumber.parse(UnsafeRawBufferPointer(rebasing: bytes[range])) else {
                throw failure("a decimal number in <double>", at: start)
            }
            return .double(number)
        case .dateTime: return .dateTime(try text())
        case .base64:
            let start = index
            guard let data = Base64.decode(try text()) else { throw failure("base64 text", at: start) }
            return .base64(data)
        case .structure: return .structure(try structure())
        case .array: return .array(try array())
        case .null:
            skipWhitespace()
            return .null
        }
    }

    private mutating func emptyValue(_ tag: Tag) throws(XMLSyntaxError) -> RPCValue {
        switch tag.kind {
        case .string: return .string("")
        case .null: return .null
        case .structure: return .structure(RPCStruct())
        case .array: return .array([])
        default: throw failure("content in an empty element")
        }
    }

    private mutating func structure() throws(XMLSyntaxError) -> RPCStruct {
        try enterNested()
        defer { depth -= 1 }
        var members: [RPCStruct.Member] = []
        skipWhitespace()
        while !peek("</struct>") {
            try expect("<member>")
            skipWhitespace()
            try expect("<name>")
            let key = try text()
            try expect("</name>")
            members.append(RPCStruct.Member(key: key, value: try wrappedValue()))
            try expect("</member>")
            skipWhitespace()
        }
        return RPCStruct(members: members)
    }

    private mutating func array() throws(XMLSyntaxError) -> [RPCValue] {
        try enterNested()
        defer { depth -= 1 }
        var items: [RPCValue] = []
        skipWhitespace()
        if peek("<data/>") {
            index += 7
        } else {
            try expect("<data>")
            skipWhitespace()
            while !peek("</data>") {
                try expect("<value>")
                items.append(try value())
                skipWhitespace()
            }
            index += 7
        }
        skipWhitespace()
        return items
    }

    private mutating func enterNested() throws(XMLSyntaxError) {
        depth += 1
        if depth > Self.maxDepth { throw failure("at most \(Self.maxDepth) nested arrays or structs") }
    }

    private mutating func integer() throws(XMLSyntaxError) -> Int64 {
        let start = index
        _ = scanToTagStart()
        let range = trimmed(start, index)
        var position = range.lowerBound
        var negative = false
        if position < range.upperBound, bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "+") {
            negative = bytes[position] == UInt8(ascii: "-")
            position += 1
        }
        guard position < range.upperBound else { throw failure("an integer", at: start) }
        var magnitude: UInt64 = 0
        while position < range.upperBound {
            let digit = bytes[position] &- 0x30
            guard digit < 10 else { throw failure("an integer", at: start) }
            let (times, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(UInt64(digit))
            guard !overflow1, !overflow2 else { throw failure("an integer within 64 bits", at: start) }
            magnitude = sum
            position += 1
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { throw failure("an integer within 64 bits", at: start) }
            return magnitude == UInt64(Int64.max) + 1 ? .min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { throw failure("an integer within 64 bits", at: start) }
        return Int64(magnitude)
    }

    /// Character data up to the next tag, with entities decoded.
    private mutating func text() throws(XMLSyntaxError) -> String {
        let start = index
        let hasEntity = scanToTagStart()
        return try decodeText(from: start, to: index, hasEntity: hasEntity)
    }
}

enum XMLRPCResponse {
    case value(RPCValue)
    case fault(RPCValue)
}
