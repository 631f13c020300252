import Ledger

/// The rules that decide, for one pair of bills, which duplicate signals they show — the judgement
/// behind DuplicateBillIndex, which only finds the pairs worth judging.
enum DuplicateJudge {
    static func isSameBill(_ a: VendorBill, _ b: VendorBill) -> Bool { a.source == b.source && a.id == b.id }

    /// One vendor: the same partner within a database; across databases, the same tax id or name.
    static func isSameVendor(_ a: VendorBill, _ b: VendorBill) -> Bool {
        if a.source.database == b.source.database { return a.vendor.partnerID == b.vendor.partnerID }
        return a.vendor.crossDatabaseKey != nil && a.vendor.crossDatabaseKey == b.vendor.crossDatabaseKey
    }

    static func isSameAmount(_ a: VendorBill, _ b: VendorBill, rules: DuplicateRules) -> Bool {
        a.total.currency == b.total.currency && Swift.abs(a.total.minorUnits - b.total.minorUnits) <= rules.tolerance(around: a.total.minorUnits)
    }

    /// Odoo's year rule: vendors whose numbering restarts each year reuse last year's numbers.
    static func isSameYear(_ a: VendorBill, _ b: VendorBill) -> Bool {
        guard let first = a.invoiceDate, let second = b.invoiceDate else { return true }
        return first.year == second.year
    }

    /// The signals of two bills whose references normalise alike.
    static func referenceSignals(_ a: VendorBill, _ b: VendorBill, rules: DuplicateRules) -> [DuplicateSignal] {
        // A refund quoting the bill it refunds is its counterpart, not its duplicate.
        guard a.isRefund == b.isRefund else { return [] }
        guard isSameVendor(a, b) else {
            return BillReference.isDistinctive(a.reference ?? "") && isSameAmount(a, b, rules: rules) ? [.otherVendorSameReference] : []
        }
        // Last year's number reused this year is a new bill, unless it is also for the same amount.
        guard isSameYear(a, b) || isSameAmount(a, b, rules: rules) else { return [] }
        return [a.reference == b.reference ? .exactReference : .reformattedReference]
    }

    /// Same vendor and amount (the index found those), dates within the window, and references that do
    /// not tell the bills apart: one missing, or a typo apart. Two bills billing one
    /// purchase order under different references are that order's instalments, not duplicates.
    static func isSameAmountNearDate(_ a: VendorBill, _ b: VendorBill, rules: DuplicateRules) -> Bool {
        guard a.isRefund == b.isRefund, let first = a.invoiceDate, let second = b.invoiceDate,
              Swift.abs(first.days(until: second)) <= rules.dateWindowDays, a.purchaseOrderIDs.isDisjoint(with: b.purchaseOrderIDs) else {
            return false
        }
        let references = (a.reference.map(BillReference.normalised) ?? "", b.reference.map(BillReference.normalised) ?? "")
        return references.0.isEmpty || references.1.isEmpty || isTypoApart(references.0, references.1)
    }

    /// "BILL/2026/10/0009 (ref inv 0012) of Acme looks like BILL/2026/10/0004 (ref INV-12) of Acme: …".
    static func reason(_ bill: VendorBill, _ original: VendorBill, _ signals: [DuplicateSignal]) -> String {
        var facts = signals.map { signal -> String in
            switch signal {
            case .exactReference: "the same reference"
            case .reformattedReference: "the same reference once case, spaces, punctuation, leading zeros and O/0, I/l/1 are set aside"
            case .sameAttachment: "the same attached file"
            case .otherVendorSameReference: "the same reference and amount under another vendor (someone may be billing in a vendor's name)"
            case .sameAmountNearDate: "the same amount within days of each other, with references that do not tell them apart"
            }
        }
        if bill.total == original.total { facts.append("both for \(bill.total)") }
        if let first = bill.invoiceDate, let second = original.invoiceDate { facts.append("dated \(second) and \(first)") }
        if bill.source.database != original.source.database {
            facts.append("the original is in another database (\(original.source.database))")
        } else if bill.companyID != original.companyID {
            facts.append("the original is in another company of the database (company \(original.companyID))")
        }
        return "\(bill.title) looks like \(original.title) (\(original.state.rawValue)): " + facts.joined(separator: "; ")
            + ". Check with the vendor before paying either; cancel the copy if it is one."
    }

    /// A typo apart: one character added, dropped or replaced, or two neighbours swapped. (Consecutive
    /// numbers of one vendor are one character apart too: two bills of one order under such numbers are
    /// that order's instalments and are set aside before this; others are worth the question.)
    static func isTypoApart(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a), Array(b))
        guard x != y else { return false }
        var i = 0
        while i < min(x.count, y.count), x[i] == y[i] { i += 1 }
        switch x.count - y.count {
        case 1: return x[(i + 1)...] == y[i...]
        case -1: return x[i...] == y[(i + 1)...]
        case 0:
            if x[(i + 1)...] == y[(i + 1)...] { return true }
            return i + 1 < x.count && x[i] == y[i + 1] && x[i + 1] == y[i] && x[(i + 2)...] == y[(i + 2)...]
        default: return false
        }
    }
}
