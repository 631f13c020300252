import Foundation

/// The store's SQL is written in SQLite's dialect; what PostgreSQL spells otherwise and can be rewritten without knowing the
/// schema is rewritten here. The rest is chosen where the query is written (`StoreDialect`).
enum PostgresStatementText {
    static func translated(_ sql: String) -> String {
        numbered(ignoringConflicts(sql))
    }

    /// SQLite's `INSERT OR IGNORE INTO …` is PostgreSQL's `INSERT INTO … ON CONFLICT DO NOTHING`.
    static func ignoringConflicts(_ sql: String) -> String {
        guard let range = sql.range(of: "INSERT OR IGNORE INTO") else { return sql }
        var text = sql
        text.replaceSubrange(range, with: "INSERT INTO")
        while let last = text.last, last.isWhitespace || last == ";" { text.removeLast() }
        return text + " ON CONFLICT DO NOTHING"
    }

    /// SQLite's `?` placeholders numbered as PostgreSQL's (`$1`, `$2`, …): `?NNN` names its argument, and a bare `?` takes
    /// the one after the highest named so far, as in SQLite. Question marks inside quoted text, quoted names and comments
    /// are left as they are.
    static func numbered(_ sql: String) -> String {
        guard sql.contains("?") else { return sql }
        let characters = Array(sql)
        var result = ""
        result.reserveCapacity(characters.count + 16)
        var highest = 0
        var quote: Character?
        var inComment = false
        var index = 0
        while index < characters.count {
            let character = characters[index]
            index += 1
            if inComment {
                if character == "\n" { inComment = false }
            } else if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "-" && index < characters.count && characters[index] == "-" {
                inComment = true
            } else if character == "?" {
                var digits = ""
                while index < characters.count, characters[index].isASCII, characters[index].isNumber {
                    digits.append(characters[index])
                    index += 1
                }
                let number = Int(digits) ?? highest + 1
                highest = max(highest, number)
                result += "$\(number)"
                continue
            }
            result.append(character)
        }
        return result
    }

    /// The statements of a script, split at semicolons outside quoted text, quoted names, comments and dollar-quoted
    /// bodies (a trigger function's): postgres-nio sends each query as one prepared statement, which holds one command.
    static func statements(in script: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var quote: Character?
        var dollarTag: String?
        var inComment = false
        var characters = Array(script)[...]
        while let character = characters.popFirst() {
            current.append(character)
            if inComment {
                if character == "\n" { inComment = false }
            } else if let tag = dollarTag {
                if current.hasSuffix(tag) && current.count > tag.count { dollarTag = nil }
            } else if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "-" && characters.first == "-" {
                inComment = true
            } else if character == "$", let end = characters.firstIndex(of: "$"),
                      characters[characters.startIndex..<end].allSatisfy({ $0.isLetter || $0 == "_" }) {
                let tag = "$" + String(characters[characters.startIndex...end])
                current += tag.dropFirst()
                characters = characters[(end + 1)...]
                dollarTag = tag
            } else if character == ";" {
                current.removeLast()
                if !current.allSatisfy(\.isWhitespace) { statements.append(current) }
                current = ""
            }
        }
        if !current.allSatisfy(\.isWhitespace) { statements.append(current) }
        return statements
    }
}
