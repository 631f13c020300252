/// Decodes XML's predefined entities and character references in text.
enum XMLEntities {
    private static let named: [(name: String, byte: UInt8)] = [
        ("amp", UInt8(ascii: "&")), ("lt", UInt8(ascii: "<")), ("gt", UInt8(ascii: ">")),
        ("quot", UInt8(ascii: "\"")), ("apos", UInt8(ascii: "'")),
    ]

    /// Nil when a reference is unknown or malformed.
    static func decode(_ raw: UnsafeRawBufferPointer) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            guard byte == UInt8(ascii: "&") else { out.append(byte); index += 1; continue }
            guard let semicolon = raw[index...].firstIndex(of: UInt8(ascii: ";")), semicolon - index <= 12 else { return nil }
            let name = String(decoding: UnsafeRawBufferPointer(rebasing: raw[(index + 1)..<semicolon]), as: UTF8.self)
            if let entity = named.first(where: { $0.name == name }) {
                out.append(entity.byte)
            } else if let scalar = characterReference(name) {
                out.append(contentsOf: String(Character(scalar)).utf8)
            } else {
                return nil
            }
            index = semicolon + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `#NN` or `#xNN`.
    private static func characterReference(_ name: String) -> Unicode.Scalar? {
        guard name.hasPrefix("#") else { return nil }
        let digits = name.dropFirst()
        let code = digits.first == "x" || digits.first == "X"
            ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
        return code.flatMap(Unicode.Scalar.init)
    }
}
