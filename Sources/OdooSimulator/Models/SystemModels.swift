import OdooRPC

/// The models Odoo describes itself with: which models exist (ir.model), which modules are installed
/// (ir.module.module, whose fingerprint decides whether a client may reuse its cached schema), and languages.
enum SystemModels {
    /// What an Odoo 18 with Invoicing installed (no Purchase, Sales or Expenses) has.
    static let modules = ["base", "web", "mail", "account", "account_payment", "analytic"]

    static func all(serving models: [String]) -> [SimulatedModel] {
        let served = models + ["ir.model", "ir.module.module", "res.lang"]
        return [
            .table("ir.model", fields: ReferenceModels.named(["model", "name"]),
                   rows: served.sorted().enumerated().map { ["id": RPCValue($0.offset + 1), "model": .string($0.element), "name": .string($0.element)] }),
            .table("ir.module.module", fields: ReferenceModels.named(["name", "state", "latest_version", "write_date"]),
                   rows: modules.enumerated().map { index, name in
                       ["id": RPCValue(index + 1), "name": .string(name), "state": "installed", "latest_version": "18.0.1.0",
                        "write_date": "2026-01-01 00:00:00"]
                   }),
            .table("res.lang", fields: ReferenceModels.named(["code", "name", "date_format"]),
                   rows: [["id": 1, "code": "en_US", "name": "English (US)", "date_format": "%m/%d/%Y"]]),
        ]
    }
}
