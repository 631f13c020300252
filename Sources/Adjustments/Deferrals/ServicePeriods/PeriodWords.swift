/// The words of service periods in the languages Odoo ships accounting for first — English, French, German, Spanish
/// and Dutch — lower case with accents folded ("décembre" is "decembre", "März" is "marz").
enum PeriodWords {
    /// Month names and their usual abbreviations. Only whole words count, so "marketing" is not March.
    static let months: [String: Int] = {
        let names: [[String]] = [
            ["january", "jan", "janvier", "janv", "januar", "janner", "enero", "ene", "januari"],
            ["february", "feb", "fevrier", "fevr", "fev", "februar", "febrero", "februari"],
            ["march", "mar", "mars", "marz", "mrz", "marzo", "maart", "mrt"],
            ["april", "apr", "avril", "avr", "abril", "abr"],
            ["may", "mai", "mayo", "mei"],
            ["june", "jun", "juin", "juni", "junio"],
            ["july", "jul", "juillet", "juil", "juli", "julio"],
            ["august", "aug", "aout", "agosto", "ago", "augustus"],
            ["september", "sep", "sept", "septembre", "septiembre", "setiembre"],
            ["october", "oct", "octobre", "oktober", "okt", "octubre"],
            ["november", "nov", "novembre", "noviembre"],
            ["december", "dec", "decembre", "dezember", "dez", "diciembre", "dic"],
        ]
        var months: [String: Int] = [:]
        for (index, words) in names.enumerated() { for word in words { months[word] = index + 1 } }
        return months
    }()

    /// Words joining the two ends of a range ("to", "bis", "au", "al", "tot", "t/m").
    static let rangeConnectors: Set<String> = ["to", "till", "until", "thru", "through", "bis", "au", "a", "al", "hasta", "tot", "tm"]

    /// Words that may sit inside a date ("1 de octubre de 2026", "1st of October").
    static let fillers: Set<String> = ["de", "del", "of", "du", "van", "the"]

    /// Units a count of months is given in ("12 months", "2 Jahre"), as months per unit.
    static let units: [String: Int] = [
        "month": 1, "months": 1, "mois": 1, "monat": 1, "monate": 1, "monaten": 1, "mes": 1, "meses": 1, "maand": 1, "maanden": 1, "mnd": 1,
        "year": 12, "years": 12, "yr": 12, "yrs": 12, "an": 12, "ans": 12, "annee": 12, "annees": 12, "jahr": 12, "jahre": 12, "jahren": 12,
        "ano": 12, "anos": 12, "jaar": 12, "jaren": 12,
    ]

    /// Counts written as words before a unit ("one year", "un an", "ein Jahr", "un año", "een jaar").
    static let counts: [String: Int] = ["one": 1, "un": 1, "une": 1, "ein": 1, "einen": 1, "uno": 1, "een": 1, "two": 2, "deux": 2, "zwei": 2,
                                        "dos": 2, "twee": 2, "six": 6, "sechs": 6, "seis": 6, "zes": 6, "twelve": 12, "douze": 12, "zwolf": 12,
                                        "doce": 12, "twaalf": 12]

    /// Words that say how long without saying when ("annual subscription", "Jahreslizenz"): months from the bill's month.
    static func cadence(_ word: String) -> Int? {
        if ["semiannual", "halfyearly", "semestriel", "semestrielle", "semestral", "halbjahrlich"].contains(word)
            || ["halbjahres", "halfjaar"].contains(where: word.hasPrefix) { return 6 }
        if ["quarterly", "trimestriel", "trimestrielle", "trimestral", "vierteljahrlich"].contains(word)
            || ["vierteljahres", "kwartaal"].contains(where: word.hasPrefix) { return 3 }
        if ["annual", "annually", "yearly", "annuel", "annuelle", "jahrlich", "anual", "jaarlijks", "jaarlijkse"].contains(word)
            || ["jahres", "jaar"].contains(where: word.hasPrefix) && word.count > 5 { return 12 }
        return nil
    }

    /// Words naming a quarter with its number before or after ("Q4", "T4" in French, "4. Quartal", "4th quarter").
    static let quarterLetters: Set<String> = ["q", "t", "k"]
    static let quarterWords: Set<String> = ["quarter", "quartal", "trimestre", "kwartaal"]
    /// Half years ("H2 2026", "S1 2027" for semestre).
    static let halfLetters: Set<String> = ["h", "s", "hy"]
    /// Fiscal years ("FY2027", "GJ 2027" for Geschäftsjahr, "fiscal year 2026/27", "exercice 2027", "boekjaar 2027").
    static let fiscalYearWords: Set<String> = ["fy", "gj", "ej", "fiscal", "financial", "geschaftsjahr", "wirtschaftsjahr", "exercice", "ejercicio", "boekjaar"]
}
