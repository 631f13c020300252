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
        let customerCount = max(Self.customerNames.count, Int((Double(Self.customerNames.count) * scale).rounded(.up)))
        let supplierCount = max(Self.supplierNames.count, Int((Double(Self.supplierNames.count) * scale).rounded(.up)))
        for index in 0..<customerCount {
            let base = Self.customerNames[index % Self.customerNames.count]
            customers.append(addPartner(index < Self.customerNames.count ? base : base + " #" + String(index / Self.customerNames.count + 1)))
        }
        eurCustomer = addPartner("Müller Maschinenbau GmbH", iban: "DE89370400440532013000")
        for index in 0..<supplierCount {
            let base = Self.supplierNames[index % Self.supplierNames.count]
            suppliers.append(addPartner(index < Self.supplierNames.count ? base : base + " #" + String(index / Self.supplierNames.count + 1)))
        }
        vendors.rent = addPartner("Harbor Properties LLC")
        vendors.utilities = addPartner("City Power & Water")
        vendors.software = addPartner("CloudSuite Inc.")
        vendors.insurance = addPartner("Shieldline Insurance")
        vendors.consulting = addPartner("Acme Consulting Group")
        vendors.freight = addPartner("FastFreight Logistics")
        vendors.office = addPartner("Staples Office Supply")
        vendors.travelAgency = addPartner("Globetrotter Travel")
        vendors.cadSoftware = addPartner("DesignPro Software Inc.")
        vendors.taxAuthority = addPartner("Internal Revenue Service")
    }

    mutating func addPartner(_ name: String, iban: String? = nil) -> Int {
        let id = partners.count + 1
        let account = iban ?? "US" + String(10_000_000_000 + UInt64(id) * 7_919 + options.seed % 1000)
        partners.append(Partner(id: id, name: name, bankAccounts: [account], isCompany: true))
        // How the bank prints the name: upper case, legal suffixes and "#n" dropped, sometimes cut short.
        var words = name.uppercased().split(separator: " ").map(String.init)
        words.removeAll { ["INC.", "LTD", "CO.", "CORP", "LLC", "GMBH"].contains($0) || $0.hasPrefix("#") }
        let full = words.joined(separator: " ")
        bankNames.append((full, words.count > 2 ? words.prefix(2).joined(separator: " ") : full))
        // The vendor's own invoice numbering: initials and a running number.
        let initials = String(name.split(separator: " ").prefix(2).compactMap { $0.first?.uppercased() }.joined())
        vendorRefPrefix.append(initials + "-" + String(20 + id % 7) + "-")
        vendorRefNext.append(1_000 + (id * 37) % 900)
        return id
    }

    /// The vendor's next invoice number, as printed on its bill.
    mutating func nextVendorRef(_ vendor: Int) -> String {
        vendorRefNext[vendor] += 1
        return vendorRefPrefix[vendor] + String(vendorRefNext[vendor])
    }

    mutating func bankName(of partnerID: Int) -> String {
        random.chance(40) ? bankNames[partnerID].short : bankNames[partnerID].full
    }
}
