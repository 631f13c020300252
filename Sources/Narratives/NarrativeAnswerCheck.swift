import Foundation

/// Decides whether a model's rephrasing may stand beside the deterministic narrative. Amounts are
/// facts: every amount in the narrative must appear exactly as given (digits, grouping, decimals and
/// sign), every percentage with its digits, and the answer may state no amount that was not given.
public enum NarrativeAnswerCheck {
    public static let maximumLength = 600

    /// The accepted text (whitespace tidied), or why it is refused, in one line.
    public static func validate(_ answer: ChatCompletion, for prompt: NarrativePrompt) -> Result<String, NarrativeRefusal> {
        let text = tidy(answer.content)
        var reasons: [String] = []
        if text.isEmpty { return .failure(NarrativeRefusal(reasons: ["the answer is empty"])) }
        if answer.finishReason == "length" { reasons.append("the answer was cut off (finish_reason length)") }
        if text.count > maximumLength { reasons.append("the answer is \(text.count) characters long (at most \(maximumLength))") }

        let given = NumberToken.scan(prompt.narrative)
        let said = NumberToken.scan(text)
        let saidAmounts = Set(said.filter(\.isAmount).map(\.text))
        let saidMagnitudes = Set(said.map(\.magnitude))
        var dropped: [String] = []
        for token in given where token.isAmount && !saidAmounts.contains(token.text) { dropped.append(token.text) }
        for token in given where token.isPercent && !token.isAmount && !saidMagnitudes.contains(token.magnitude) { dropped.append(token.magnitude + " %") }
        if !dropped.isEmpty {
            reasons.append("it changes or drops \(unique(dropped).joined(separator: ", ")) (amounts must be kept exactly as given)")
        }
        let fields = [prompt.narrative, prompt.accountName, prompt.accountCode, prompt.comparison, prompt.current, prompt.base, prompt.delta]
            + prompt.drivers.flatMap { [$0.name, $0.amount] }
        let allowed = Set(fields.flatMap(NumberToken.scan).filter(\.isAmount).map(\.magnitude))
        let invented = unique(said.filter { $0.isAmount && !allowed.contains($0.magnitude) }.map(\.text))
        if !invented.isEmpty {
            reasons.append("it states \(invented.joined(separator: ", ")), which is not among the amounts given")
        }
        return reasons.isEmpty ? .success(text) : .failure(NarrativeRefusal(reasons: reasons))
    }

    /// Trims, drops quotes around the whole answer, folds line breaks into spaces, and turns other
    /// control characters (a terminal escape sequence, say) into spaces.
    static func tidy(_ content: String) -> String {
        let printable = String(content.unicodeScalars.map { scalar -> Character in
            scalar.properties.generalCategory == .control && scalar != "\n" ? " " : Character(scalar)
        })
        var text = printable.trimmingCharacters(in: .whitespacesAndNewlines)
        for (open, close) in [("\"", "\""), ("\u{201C}", "\u{201D}")] where text.count >= 2 && text.hasPrefix(open) && text.hasSuffix(close) {
            text = String(text.dropFirst().dropLast()).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}

/// Why an answer was refused; the deterministic narrative stays.
public struct NarrativeRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    public var reasons: [String]
    public var description: String { "refused the answer: " + reasons.joined(separator: "; ") }
}

/// A number written in prose: "6,700.00", "-35,999.00", "670 %". Digits inside identifiers
/// ("BILL/2026/10/0031", "2026-09", "628000") are numbers too, but not amounts.
struct NumberToken: Hashable {
    /// As written, with a leading minus when there is one.
    var text: String
    /// With grouping or decimals: an amount of money.
    var isAmount: Bool
    /// Followed by "%" or "percent".
    var isPercent: Bool
    var magnitude: String { text.hasPrefix("-") ? String(text.dropFirst()) : text }

    static func scan(_ text: String) -> [NumberToken] {
        let characters = Array(text)
        var tokens: [NumberToken] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            guard character.isASCII, character.isNumber else { index += 1; continue }
            let previous = index > 0 ? characters[index - 1] : " "
            if previous.isLetter {   // part of an identifier such as "BNK1": skip it whole
                while index < characters.count, characters[index].isLetter || characters[index].isNumber { index += 1 }
                continue
            }
            var negative = false
            if previous == "-" || previous == "\u{2212}" {
                let before = index > 1 ? characters[index - 2] : " "
                negative = !(before.isLetter || before.isNumber)
            }
            var digits = ""
            var isAmount = false
            while index < characters.count {
                let current = characters[index]
                if current.isASCII && current.isNumber {
                    digits.append(current)
                } else if (current == "," || current == "."), index + 1 < characters.count,
                          characters[index + 1].isASCII, characters[index + 1].isNumber {
                    digits.append(current)
                    isAmount = true
                } else {
                    break
                }
                index += 1
            }
            var look = index
            while look < characters.count, characters[look] == " " || characters[look] == "\u{00A0}" || characters[look] == "\u{202F}" { look += 1 }
            let rest = String(characters[look..<min(characters.count, look + 7)]).lowercased()
            let isPercent = rest.hasPrefix("%") || rest.hasPrefix("percent")
            tokens.append(NumberToken(text: (negative ? "-" : "") + digits, isAmount: isAmount, isPercent: isPercent))
        }
        return tokens
    }
}
