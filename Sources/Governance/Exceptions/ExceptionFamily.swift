/// The finance-operations areas whose open business exceptions the operations view lists.
public enum ExceptionFamily: String, Sendable, Codable, CaseIterable, Comparable {
    case payables, receivables, treasury, expenses, duties

    public static func < (lhs: ExceptionFamily, rhs: ExceptionFamily) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
