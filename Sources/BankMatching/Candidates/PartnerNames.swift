import Ledger

/// Partners' names as words, and which partners each word (or its first four letters, for the
/// abbreviations banks use) appears in, to tell who a bank line is from by the name it reports.
/// A word's partners are a range of one shared array and a partner's words are found by position,
/// so a line costs a few lookups instead of a hash table and a heap array per word and per partner.
struct PartnerNames: Sendable {
    /// Partner ids, and their names' words, by position.
    private var ids: [Int] = []
    private var words: [[String]] = []
    private var positionByID: [Int: Int32] = [:]
    private var byWord: [String: Postings] = [:]
    private var byPrefix: [String: Postings] = [:]
    /// The positions of the partners of each word, word after word.
    private var postings: [Int32] = []

    struct Postings {
        var start: Int32
        var count: Int32

        var positions: Range<Int> { Int(start)..<Int(start + count) }
    }

    init(_ partners: [Partner]) {
        var wordLists: [String: [Int32]] = [:], prefixLists: [String: [Int32]] = [:]
        for partner in partners {
            let nameWords = NameSimilarity.words(partner.name)
            let position: Int32
            if let known = positionByID[partner.id] {
                // A repeated id: its last name is the one read.
                position = known
                words[Int(known)] = nameWords
            } else {
                position = Int32(ids.count)
                positionByID[partner.id] = position
                ids.append(partner.id)
                words.append(nameWords)
            }
            for word in Set(nameWords) where word.utf8.count >= 3 {
                wordLists[word, default: []].append(position)
                if word.utf8.count > 4 { prefixLists[String(word.prefix(4)), default: []].append(position) }
            }
        }
        byWord = flatten(wordLists)
        byPrefix = flatten(prefixLists)
    }

    private mutating func flatten(_ lists: [String: [Int32]]) -> [String: Postings] {
        var flat: [String: Postings] = [:]
        flat.reserveCapacity(lists.count)
        for (word, positions) in lists {
            flat[word] = Postings(start: Int32(postings.count), count: Int32(positions.count))
            postings += positions
        }
        return flat
    }

    func words(of partnerID: Int) -> [String] {
        positionByID[partnerID].map { words[Int($0)] } ?? []
    }

    /// The partner whose name is most like `words` (the lowest id among equals), with its score, when
    /// any is at all alike. Only partners sharing a distinctive word are compared: a word most partners
    /// share ("TRADING", "SERVICES") would make every partner a candidate; when every word is that
    /// common, the first 64 partners of the rarest one are.
    func mostAlike(_ words: [String]) -> (partnerID: Int, score: Double)? {
        var lists: [Postings] = []
        for word in words where word.utf8.count >= 3 {
            if let found = byWord[word] ?? (word.utf8.count >= 4 ? byPrefix[String(word.prefix(4))] : nil) { lists.append(found) }
        }
        lists.sort { $0.count < $1.count }
        var best: (position: Int, score: Double)?
        func compare(_ positions: ArraySlice<Int32>) {
            // A partner met twice scores the same twice, which changes nothing.
            for position in positions.lazy.map(Int.init) {
                let score = NameSimilarity.score(words, self.words[position])
                if score > (best?.score ?? 0) || (score == best?.score && ids[position] < ids[best!.position]) { best = (position, score) }
            }
        }
        if lists.contains(where: { $0.count <= 64 }) {
            for list in lists where list.count <= 64 { compare(postings[list.positions]) }
        } else if let rarest = lists.first {
            compare(postings[rarest.positions].prefix(64))
        }
        return best.map { (ids[$0.position], $0.score) }
    }
}
