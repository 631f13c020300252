import Ledger

extension DemoGenerator {
    static let customerNames = [
        "Northstar Retail Inc.", "Bluewater Marine Supply", "Cedar & Pine Furniture", "Apex Industrial Parts", "Summit Outdoor Gear",
        "Harborview Electronics", "Redwood Tooling Co.", "Lakeside Hardware", "Prairie Agricultural Supply", "Granite State Builders",
        "Silverline Automotive", "Oakridge Home Centers", "Metro Office Interiors", "Coastal Kitchen Supply", "Ironclad Fabrication",
        "Brightpath Solar", "Evergreen Garden Co.", "Keystone Plumbing", "Pioneer Fleet Services", "Riverbend Appliances",
        "Westfield Machinery", "Canyon Ridge Sports", "Pinnacle Medical Devices", "Union Square Stores", "Falcon Aerospace Parts",
    ]
    static let supplierNames = [
        "Precision Castings Ltd", "Global Fasteners Corp", "Allied Steel Supply", "Pacific Polymer Works", "Delta Circuit Boards",
        "Vertex Packaging", "Midwest Bearings", "Crown Electrical Components",
    ]

    mutating func makePartners() {
        func add(_ name: String, company: Bool = true) -> Int {
            let id = partners.count + 1
            let iban = "US" + String(10_000_000_000 + UInt64(id) * 7_919 + options.seed % 1000)
            partners.append(Partner(id: id, name: name, bankAccounts: [iban], isCompany: company))
            return id
        }
        for index in 0..<options.scaled(Self.customerNames.count) {
            let base = Self.customerNames[index % Self.customerNames.count]
            customers.append(add(index < Self.customerNames.count ? base : "\(base) #\(index / Self.customerNames.count + 1)"))
        }
        eurCustomer = add("Müller Maschinenbau GmbH")
        for index in 0..<options.scaled(Self.supplierNames.count) {
            let base = Self.supplierNames[index % Self.supplierNames.count]
            suppliers.append(add(index < Self.supplierNames.count ? base : "\(base) #\(index / Self.supplierNames.count + 1)"))
        }
        vendors.rent = add("Harbor Properties LLC")
        vendors.utilities = add("City Power & Water")
        vendors.software = add("CloudSuite Inc.")
        vendors.insurance = add("Shieldline Insurance")
        vendors.consulting = add("Acme Consulting Group")
        vendors.freight = add("FastFreight Logistics")
        vendors.office = add("Staples Office Supply")
        vendors.travelAgency = add("Globetrotter Travel")
    }

    /// How the bank prints a partner's name: upper case, legal suffixes dropped, sometimes cut short.
    mutating func bankName(of partnerID: Int) -> String {
        var words = partners[partnerID - 1].name.uppercased().split(separator: " ").map(String.init)
        words.removeAll { ["INC.", "LTD", "CO.", "CORP", "LLC", "GMBH"].contains($0) || $0.hasPrefix("#") }
        if words.count > 2 && random.chance(40) { words = Array(words.prefix(2)) }
        return words.joined(separator: " ")
    }
}
