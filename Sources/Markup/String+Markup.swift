import Foundation
extension String {
    /// Safe inside HTML and SVG text and attribute values: the five characters markup gives meaning to.
    /// Internal: markup is built as `HTML`, whose interpolation escapes through it, never by hand.
    var htmlEscaped: String {
        var escaped = ""
        escaped.reserveCapacity(utf8.count)
        for character in self {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// One RFC 4180 field: quoted when it holds a comma, a quote or a line break, quotes doubled.
    public var csvField: String {
        guard contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return self }
        return "\"" + replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
