public import Ledger
import OdooLedger

extension RecordRef {
    /// The record with its address in the Odoo web client of the source it was pulled from (none for the demo, nor for
    /// Closer's own records, such as the dismissal a set-aside note names).
    public func linked(sourceKey: SourceKey) -> RecordRef {
        guard !model.hasPrefix("closer.") else { return self }
        var linked = self
        linked.link = OdooLedgerSource.webLink(sourceKey: sourceKey, model: model, id: id)
        return linked
    }
}
