/// Writes XML-RPC exactly as Python's `xmlrpc.client.dumps` does (the layout every Odoo
/// client sends), so recorded transcripts can be compared byte for byte.
enum XMLRPCEncoder {
    static func methodCall(_ method: String, params: [RPCValue]) -> [UInt8] {
        var out = ByteWriter(capacity: 512)
        out.append("<?xml version='1.0'?>\n<methodCall>\n<methodName>")
        appendEscaped(method, to: &out)
        out.append("</methodName>\n<params>\n")
        for param in params {
            out.append("<param>\n")
            append(param, to: &out)
            out.append("</param>\n")
        }
        out.append("</params>\n</methodCall>\n")
        return out.bytes
    }

    static func append(_ value: RPCValue, to out: inout ByteWriter) {
        switch value {
        case .int(let number):
            // Python refuses ints beyond 32 bits; Odoo's server accepts <i8> for them.
            if number >= Int64(Int32.min) && number <= Int64(Int32.max) {
                out.append("<value><int>"); out.append(String(number)); out.append("</int></value>\n")
            } else {
                out.append("<value><i8>"); out.append(String(number)); out.append("</i8></value>\n")
            }
        case .bool(let flag):
            out.append(flag ? "<value><boolean>1</boolean></value>\n" : "<value><boolean>0</boolean></value>\n")
        case .string(let text):
            out.append("<value><string>"); appendEscaped(text, to: &out); out.append("</string></value>\n")
        case .double(let number):
            out.append("<value><double>"); out.append(number.text); out.append("</double></value>\n")
        case .dateTime(let text):
            out.append("<value><dateTime.iso8601>"); out.append(text); out.append("</dateTime.iso8601></value>\n")
        case .base64(let data):
            out.append("<value><base64>\n"); out.append(Base64.encodeLines(data)); out.append("</base64></value>\n")
        case .array(let items):
            out.append("<value><array><data>\n")
            for item in items { append(item, to: &out) }
            out.append("</data></array></value>\n")
        case .structure(let members):
            out.append("<value><struct>\n")
            for (key, member) in members {
                out.append("<member>\n<name>"); appendEscaped(key, to: &out); out.append("</name>\n")
                append(member, to: &out)
                out.append("</member>\n")
            }
            out.append("</struct></value>\n")
        case .null:
            out.append("<value><nil/></value>")
        }
    }

    /// Python escapes only &, < and > in text.
    static func appendEscaped(_ text: String, to out: inout ByteWriter) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out.append("&amp;")
            case UInt8(ascii: "<"): out.append("&lt;")
            case UInt8(ascii: ">"): out.append("&gt;")
            default: out.append(byte: byte)
            }
        }
    }
}
