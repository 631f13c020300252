import FuzzSupport
import Ledger
@testable import Payables
import Testing

/// Vendor references are whatever the vendor printed and the clerk or the OCR typed: any script, any
/// length, empty, digits only. Normalising them and judging pairs of bills must never trap, and the
/// retypings the duplicate search promises to see through must stay invisible to it.
@Suite struct DuplicateFuzzTests {
    static let corpus = ["INV-0012", "inv 12", "1NV/O012", "2026/001", "2026-0042", "BILL/2026/10/0004", "", "0000", "9" + String(repeating: "0", count: 300),
                         "ＩＮＶ－１２", "Facture nº 42", "請求書 2026-07", "٠١٢٣", "ⅫⅣ-½", "ǅ İ ß ﬁ", "\u{301}0\u{308}1"]
    static let dictionary = ["-", " ", "/", ".", "0", "O", "o", "I", "l", "1", "INV", "\u{FF10}", "\u{0660}", "\u{2460}", "\u{301}", "\u{200B}", "ß", "İ"]

    @Test func normalisingAnyReferenceNeverTrapsAndKeepsOnlyLettersAndDigits() {
        let ran = Fuzzer(corpus: Self.corpus.map { Array($0.utf8) }, dictionary: Self.dictionary, smokeIterations: 3_000).run { bytes in
            let reference = String(decoding: bytes, as: UTF8.self)
            for key in [BillReference.normalised(reference), BillReference.joined(reference)] {
                #expect(key.allSatisfy { $0.isLetter || $0.isNumber }, "'\(key)' from '\(reference)'")
                #expect(!key.contains("O") && !key.contains("I") && !key.contains("L"), "O, I and L fold into digits: '\(key)'")
            }
            #expect(BillReference.keys(reference).allSatisfy { !$0.isEmpty })
            if BillReference.isDistinctive(reference) { #expect(reference.contains { $0.isNumber }) }
        }
        #expect(ran >= 3_000)
        print("[fuzz] BillReference: \(ran) references normalised")
    }

    /// Every retyping the issue names — case, spaces, dashes, leading zeros, O for 0 — of a random
    /// ASCII reference shares a key with it, however long.
    @Test func retypingsOfAnyReferenceShareAKey() {
        let ran = Fuzzer.rounds(smoke: 3_000, seed: 0xB111) { random in
            let reference = Self.randomReference(&random, ascii: true)
            let retyped = Self.retype(reference, &random)
            guard !BillReference.keys(reference).isEmpty else { return }   // punctuation only: nothing to find it by
            #expect(!BillReference.keys(reference).isDisjoint(with: BillReference.keys(retyped)), "'\(reference.prefix(200))' retyped '\(retyped.prefix(200))'")
        }
        print("[fuzz] BillReference retypings: \(ran) references retyped")
    }

    /// Pairs of random bills, retyped or not, same vendor or not: the index and the judge never trap,
    /// never call a bill its own duplicate, give every hit a signal and a reason, and find a retyped
    /// copy of a bill of the same vendor and amount.
    @Test func judgingRandomPairsNeverTrapsAndFindsRetypedCopies() {
        let ran = Fuzzer.rounds(smoke: 1_500, seed: 0xD0B1) { random in
            let original = Self.randomBill(id: 1, &random)
            let asciiReference = original.reference.map { $0.allSatisfy(\.isASCII) } ?? false
            var copy = Self.randomBill(id: 2, &random)
            let isRetypedCopy = random.below(2) == 0
            if isRetypedCopy {
                copy.vendor = original.vendor
                copy.total = original.total
                copy.invoiceDate = original.invoiceDate
                copy.isRefund = original.isRefund
                copy.reference = original.reference.map { Self.retype($0, &random) }
            }
            let hits = DuplicateBillIndex([original, copy]).duplicates(of: copy)
            for hit in hits {
                #expect(hit.original.id == 1 && !hit.signals.isEmpty && hit.reason.contains(copy.title))
            }
            if isRetypedCopy, asciiReference, let reference = original.reference, !BillReference.keys(reference).isEmpty {
                #expect(hits.contains { $0.signals.contains(.exactReference) || $0.signals.contains(.reformattedReference) },
                        "'\(reference.prefix(200))' retyped '\((copy.reference ?? "").prefix(200))'")
            }
            let (a, b) = (BillReference.normalised(original.reference ?? ""), BillReference.normalised(copy.reference ?? ""))
            #expect(DuplicateJudge.isTypoApart(a, b) == DuplicateJudge.isTypoApart(b, a))
            #expect(!DuplicateJudge.isTypoApart(a, a))
        }
        print("[fuzz] DuplicateJudge: \(ran) pairs of bills judged")
    }

    /// References of every shape: empty, digits only, very long, with separators, and (unless `ascii`) any script.
    static func randomReference(_ random: inout SplitMix64, ascii: Bool = false) -> String {
        let alphabets: [[Character]] = [Array("0123456789"), Array("ABCDEFGHJKMNPQRSTUVWXYZ0123456789"), Array("abcxyz-/ .#0123456789"),
                                        Array("éßİıǅﬁ٠١٢３４ⅫЖ請求書①\u{301}\u{200B}")]
        let alphabet = alphabets[random.below(ascii ? 3 : alphabets.count)]
        let length = random.below(10) == 0 ? random.below(5_000) : random.below(16)
        return String((0..<length).map { _ in alphabet[random.below(alphabet.count)] })
    }

    /// A retyping the duplicate search sees through, of an ASCII reference: case, O for 0, and either
    /// spaces, dashes and leading zeros around numbers, or the separators between numbers dropped.
    static func retype(_ reference: String, _ random: inout SplitMix64) -> String {
        let dropsSeparatorsBetweenNumbers = random.below(2) == 0
        let characters = Array(reference)
        func isSeparator(_ at: Int) -> Bool { !characters[at].isLetter && !characters[at].isNumber }
        func isDigitLike(_ at: Int) -> Bool { characters.indices.contains(at) && (characters[at].isNumber || "OoIiLl".contains(characters[at])) }
        // Between two numbers when the nearest characters either side that are not separators are digits (or read as digits).
        func nearest(from index: Int, by step: Int) -> Int {
            var at = index + step
            while characters.indices.contains(at) && isSeparator(at) { at += step }
            return at
        }
        var out: [Character] = []
        for (index, character) in characters.enumerated() {
            let isSeparator = isSeparator(index)
            let betweenNumbers = isDigitLike(nearest(from: index, by: -1)) && isDigitLike(nearest(from: index, by: 1))
            switch random.below(8) {
            case 0 where character.isLetter: out.append(Character(character.lowercased()))
            case 1 where character == "0": out.append("O")
            case 2 where character.isNumber && !isDigitLike(index - 1) && !dropsSeparatorsBetweenNumbers: out += ["0", character]
            case 3 where character.isLetter: out += [" ", character]
            case 4 where isSeparator && betweenNumbers && dropsSeparatorsBetweenNumbers: break
            case 5 where isSeparator && !betweenNumbers: break
            case 6 where isSeparator: out.append(["-", " ", "/", "."][random.below(4)])
            default: out.append(character)
            }
        }
        return String(out)
    }

    static func randomBill(id: Int, _ random: inout SplitMix64) -> VendorBill {
        let vendor = BillVendor(partnerID: 1 + random.below(3), name: random.below(5) == 0 ? nil : randomReference(&random))
        let amount = Money(minorUnits: Int64(random.below(1_000_000)) - 1_000, currency: CurrencyCode("EUR")!)
        return VendorBill(source: .odoo(url: "https://erp.example.com", database: "acme", companyID: 1), id: id, name: "BILL/\(id)", companyID: 1,
                          vendor: vendor, reference: random.below(6) == 0 ? nil : randomReference(&random),
                          invoiceDate: random.below(8) == 0 ? nil : LocalDate(daysSinceEpoch: Int32(20_000 + random.below(800))),
                          isRefund: random.below(6) == 0, state: .posted, total: amount)
    }
}
