/// Writes JSON exactly as Python's `json.dumps` with default settings (", " and ": "
/// separators, ensure_ascii), the body Odoo's own clients send.
enum JSONWriter {
    static func encode(_ value: RPCValue) -> [UInt8] {
        var out = ByteWriter(capacity: 256)
        append(value, to: &out)
        return out.bytes
    }

    static func append(_ value: RPCValue, to out: inout ByteWriter) {
        switch value {
        case .int(let number): out.append(String(number))
        case .bool(let flag): out.append(flag ? "true" : "false")
        case .string(let text), .dateTime(let text): appendString(text, to: &out)
        case .double(let number): out.append(number.text)
        case .base64(let data): appendString(Base64.encode(data), to: &out)
        case .null: out.append("null")
        case .array(let items):
            out.append(byte: UInt8(ascii: "["))
            for (position, item) in items.enumerated() {
                if position > 0 { out.append(", ") }
                append(item, to: &out)
            }
            out.append(byte: UInt8(ascii: "]"))
        case .structure(let members):
            out.append(byte: UInt8(ascii: "{"))
            var first = true
            for (key, member) in members {
                if !first { out.append(", ") }
                first = false
                appendString(key, to: &out)
                out.append(": ")
                append(member, to: &out)
            }
            out.append(byte: UInt8(ascii: "}"))
        }
    }

    /// ensure_ascii: everything outside printable ASCII becomes `\uXXXX` (lowercase hex,
    /// surrogate pairs above the BMP).
    static func appendString(_ text: String, to out: inout ByteWriter) {
        out.append(byte: UInt8(ascii: "\""))
        for unit in text.utf16 {
            switch unit {
            case 0x22: out.append("\\\"")
            case 0x5C: out.append("\\\\")
            case 0x0A: out.append("\\n")
            case 0x0D: out.append("\\r")
            case 0x09: out.append("\\t")
            case 0x08: out.append("\\b")
            case 0x0C: out.append("\\f")
            case 0x20...0x7E: out.append(byte: UInt8(unit))
            default:
                out.append("\\u")
                for shift in stride(from: 12, through: 0, by: -4) {
                    out.append(byte: hexDigits[Int((unit >> UInt16(shift)) & 0xF)])
                }
            }
        }
        out.append(byte: UInt8(ascii: "\""))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
