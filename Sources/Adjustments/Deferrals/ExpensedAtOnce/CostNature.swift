public import Ledger

/// What an expense account's name says it holds, for the costs that are usually paid ahead for months:
/// insurance, rent, subscriptions and licences, maintenance and support. Read from the name's words in
/// English, French, German, Spanish and Dutch (German compounds by their stem), never from account codes.
public enum CostNature: String, Sendable, Codable, CaseIterable {
    case insurance, rent, subscription, maintenance

    /// The nature of an account named `name`, or nil when its name says none of them.
    public static func of(accountNamed name: String) -> CostNature? {
        let words = TextWords.split(name, keepingDigits: false)
        return allCases.first { nature in
            words.contains { word in nature.stems.contains { word.hasPrefix($0) } || nature.compoundStems.contains { word.contains($0) } }
        }
    }

    public var words: String {
        switch self {
        case .insurance: "an insurance account"
        case .rent: "a rent account"
        case .subscription: "a subscriptions and licences account"
        case .maintenance: "a maintenance and support account"
        }
    }

    /// Word beginnings (upper-cased ASCII, as TextWords gives them: "Suscripción" is SUSCRIPCI N).
    private var stems: [String] {
        switch self {
        case .insurance: ["INSURANCE", "ASSURANCE", "SEGURO", "VERZEKERING"]
        case .rent: ["RENT", "LOYER", "LOCATION", "MIETE", "ALQUILER", "ARRENDAMIENTO", "HUUR", "PACHT", "LEASE"]
        case .subscription: ["SUBSCRIPTION", "LICENCE", "LICENSE", "ABONNEMENT", "LIZENZ", "SUSCRIPCI", "LICENCIA", "LICENTIE", "SAAS", "SOFTWARE",
                             "LOGICIEL"]
        case .maintenance: ["MAINTENANCE", "SUPPORT", "ENTRETIEN", "WARTUNG", "MANTENIMIENTO", "ONDERHOUD", "SERVICECONTRACT"]
        }
    }

    /// Stems German and Dutch write inside compounds ("Betriebshaftpflichtversicherung", "Softwarelizenzen").
    private var compoundStems: [String] {
        switch self {
        case .insurance: ["VERSICHERUNG", "VERZEKERING"]
        case .rent: ["MIETE", "HUUR"]
        case .subscription: ["LIZENZ", "ABONNEMENT"]
        case .maintenance: ["WARTUNG", "ONDERHOUD"]
        }
    }
}
