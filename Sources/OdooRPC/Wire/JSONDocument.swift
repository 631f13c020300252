/// Parses a whole JSON body, turning syntax errors into `OdooError.malformedResponse`.
enum JSONDocument {
    static func parse(_ body: [UInt8], expected: String) throws(OdooError) -> RPCValue {
        let result = body.withUnsafeBytes { raw in
            var reader = JSONReader(raw)
            return Result { () throws(JSONSyntaxError) in try reader.document() }
        }
        switch result {
        case .success(let value):
            return value
        case .failure(let error):
            let found = error.offset >= body.count ? "the end of the body" : "other content"
            throw ResponseFailure.malformed(
                expected: "\(expected) (\(error.expected))", detail: found, offset: error.offset, body: body)
        }
    }
}
