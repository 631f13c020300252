public import Ledger
import OdooLedger

extension RecordRef {
    /// The record with its address in the Odoo web client of the source it was pulled from (none for the demo).
    public func linked(sourceKey: SourceKey) -> RecordRef {
        var linked = self
        linked.link = OdooLedgerSource.webLink(sourceKey: sourceKey, model: model, id: id)
        return linked
    }
}
