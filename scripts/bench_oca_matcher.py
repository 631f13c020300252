# OCA's rule-based bank matcher (account_reconcile_model_oca, Odoo 18) on closer-bench's match ledger.
# Run inside `odoo shell` by scripts/bench-oca-matcher.sh, which makes the scratch database; `env` is Odoo's.
#   CLOSER_BENCH_LEDGER=/tmp/closer-bench-match.json   the ledger closer-bench wrote (partners, invoices,
#                                                      statement lines and what each line pays)
# Loads the ledger as posted customer invoices and bank statement lines, then times what OCA's
# reconciliation widget does for each line (account_reconcile_oca's AccountBankStatementLine
# `_default_reconcile_data`): the company's invoice-matching and write-off-suggestion models'
# `_apply_rules(st_line, st_line._retrieve_partner())`. Prints one JSON line on stdout.
import json
import os
import time

ledger = json.load(open(os.environ["CLOSER_BENCH_LEDGER"]))
company = env.company
sale_journal = env["account.journal"].search([("type", "=", "sale"), ("company_id", "=", company.id)], limit=1)
bank_journal = env["account.journal"].search([("type", "=", "bank"), ("company_id", "=", company.id)], limit=1)
income = env["account.account"].search([("account_type", "=", "income"), ("company_ids", "in", company.id)], limit=1)
sale_journal.write({"code": "INV"})

partners = env["res.partner"].create([{"name": p["name"], "company_id": company.id} for p in ledger["partners"]])
partner_of = {p["id"]: record.id for p, record in zip(ledger["partners"], partners)}
env["res.partner.bank"].create([
    {"partner_id": partner_of[p["id"]], "acc_number": p["bankAccount"], "company_id": company.id}
    for p in ledger["partners"]
])

started = time.monotonic()
invoices = env["account.move"].create([
    {
        "move_type": "out_invoice",
        "name": invoice["name"],
        "journal_id": sale_journal.id,
        "partner_id": partner_of[invoice["partner"]],
        "invoice_date": invoice["date"],
        "date": invoice["date"],
        "invoice_date_due": invoice["due"],
        "invoice_line_ids": [(0, 0, {
            "name": "Goods",
            "quantity": 1,
            "price_unit": invoice["cents"] / 100,
            "account_id": income.id,
            "tax_ids": [(6, 0, [])],
        })],
    }
    for invoice in ledger["invoices"]
])
invoices.action_post()
receivable_line_of = {}
for invoice, move in zip(ledger["invoices"], invoices):
    assert move.name == invoice["name"], f"Odoo named the invoice {move.name}, not {invoice['name']}"
    (line,) = move.line_ids.filtered(lambda l: l.account_id.account_type == "asset_receivable")
    receivable_line_of[invoice["id"]] = line.id

st_lines = env["account.bank.statement.line"].create([
    {
        "journal_id": bank_journal.id,
        "date": line["date"],
        "payment_ref": line["ref"] or "/",
        "partner_name": line["partnerName"],
        "account_number": line["accountNumber"] or False,
        "amount": line["cents"] / 100,
    }
    for line in ledger["statementLines"]
])
env.cr.commit()
loaded = time.monotonic() - started

models = env["account.reconcile.model"].search([
    ("rule_type", "in", ["invoice_matching", "writeoff_suggestion"]),
    ("company_id", "=", company.id),
])
right = 0
elapsed = 0.0
for line, st_line in zip(ledger["statementLines"], st_lines):
    started = time.perf_counter()
    result = models._apply_rules(st_line, st_line._retrieve_partner())
    elapsed += time.perf_counter() - started
    proposed = set(result.get("amls", env["account.move.line"]).ids)
    if proposed == {receivable_line_of[paid] for paid in line["pays"]}:
        right += 1
env.cr.rollback()

count = len(ledger["statementLines"])
print(json.dumps({
    "lines": count,
    "openItems": len(ledger["invoices"]),
    "seconds": elapsed,
    "msPerLine": elapsed / count * 1000,
    "right": right,
    "loadSeconds": loaded,
    "models": models.mapped("name"),
}))
