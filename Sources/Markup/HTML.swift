import Foundation

/// Markup built by string interpolation in which every interpolated value is escaped unless it is
/// itself `HTML`: text from the store (names, messages, reasons) cannot inject tags or attributes.
public struct HTML: ExpressibleByStringInterpolation, Sendable {
    public private(set) var markup: String

    public init(stringLiteral literal: String) { markup = literal }
    public init(stringInterpolation: Interpolation) { markup = stringInterpolation.markup }
    public init(joining parts: some Sequence<HTML>) { markup = parts.map(\.markup).joined() }

    public struct Interpolation: StringInterpolationProtocol {
        var markup = ""

        public init(literalCapacity: Int, interpolationCount: Int) { markup.reserveCapacity(literalCapacity + 16 * interpolationCount) }
        public mutating func appendLiteral(_ literal: String) { markup += literal }
        public mutating func appendInterpolation(_ html: HTML) { markup += html.markup }
        public mutating func appendInterpolation(_ parts: [HTML]) { markup += parts.map(\.markup).joined() }
        public mutating func appendInterpolation(_ value: some CustomStringConvertible) { markup += HTML.escape(value.description) }
        public mutating func appendInterpolation(_ value: (some CustomStringConvertible)?) { markup += value.map { HTML.escape($0.description) } ?? "" }
    }

    /// Plain text as HTML that keeps its lines: each escaped, joined by line breaks (a letter sent as a message).
    public init(lines text: String) {
        markup = text.split(separator: "\n", omittingEmptySubsequences: false).map { HTML.escape(String($0)) }.joined(separator: "<br>")
    }

    /// Text made safe for element content and quoted attribute values, in HTML and in inline SVG.
    static func escape(_ text: String) -> String { text.htmlEscaped }

    /// A link that opens outside the dashboard (into Odoo); only http(s) addresses become links, so a
    /// stored `javascript:` address is shown as text and never run.
    public static func externalLink(_ address: String?, _ text: String) -> HTML {
        guard let address, address.hasPrefix("https://") || address.hasPrefix("http://") else { return "\(text)" }
        return #"<a href="\#(address)" target="_blank" rel="noopener noreferrer">\#(text)</a>"#
    }

    /// A query string with every name and value percent-encoded, for links between dashboard pages.
    public static func query(_ items: [(String, String?)]) -> String {
        let pairs = items.compactMap { name, value in value.map { encode(name) + "=" + encode($0) } }
        return pairs.isEmpty ? "" : "?" + pairs.joined(separator: "&")
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/")

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }
}
