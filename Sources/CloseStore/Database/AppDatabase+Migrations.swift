import GRDB

extension AppDatabase {
    /// Frozen history: a released migration is never edited, only followed by a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-audit-trail") { db in
            try db.execute(sql: """
                CREATE TABLE audit_event (
                    seq INTEGER PRIMARY KEY,
                    event_id TEXT NOT NULL UNIQUE,
                    recorded_at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    targets TEXT NOT NULL,
                    payload TEXT NOT NULL,
                    outcome TEXT NOT NULL,
                    previous_hash TEXT NOT NULL,
                    hash TEXT NOT NULL UNIQUE
                );
                CREATE TRIGGER audit_event_append_only_update BEFORE UPDATE ON audit_event
                    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
                CREATE TRIGGER audit_event_append_only_delete BEFORE DELETE ON audit_event
                    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
                CREATE TABLE audit_head (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    seq INTEGER NOT NULL,
                    hash TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v1-runs-and-ledger") { db in
            try db.execute(sql: """
                CREATE TABLE company (
                    id INTEGER PRIMARY KEY,
                    source_key TEXT NOT NULL UNIQUE,
                    odoo_id INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    currency_id INTEGER NOT NULL,
                    currency_code TEXT NOT NULL,
                    currency_scale INTEGER NOT NULL CHECK (currency_scale BETWEEN 0 AND 6),
                    fiscal_year_end_month INTEGER NOT NULL,
                    fiscal_year_end_day INTEGER NOT NULL,
                    lock_fiscal_year TEXT, lock_tax TEXT, lock_sale TEXT, lock_purchase TEXT,
                    lock_hard TEXT, lock_period TEXT,
                    pull_cursor TEXT,
                    window_first TEXT,
                    window_last TEXT
                );
                CREATE TABLE run (
                    id INTEGER PRIMARY KEY,
                    company_id INTEGER REFERENCES company(id),
                    kind TEXT NOT NULL,
                    period TEXT,
                    started_at TEXT NOT NULL,
                    finished_at TEXT,
                    status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'interrupted')),
                    summary TEXT NOT NULL DEFAULT '{}'
                );
                CREATE TABLE currency (
                    company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
                    odoo_id INTEGER NOT NULL,
                    code TEXT NOT NULL,
                    decimal_places INTEGER NOT NULL,
                    PRIMARY KEY (company_id, odoo_id)
                );
                CREATE TABLE account (
                    company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
                    odoo_id INTEGER NOT NULL,
                    code TEXT NOT NULL,
                    name TEXT NOT NULL,
                    account_type TEXT NOT NULL,
                    reconcile INTEGER NOT NULL,
                    PRIMARY KEY (company_id, odoo_id)
                );
                CREATE TABLE journal (
                    company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
                    odoo_id INTEGER NOT NULL,
                    code TEXT NOT NULL,
                    name TEXT NOT NULL,
                    journal_type TEXT NOT NULL,
                    default_account_id INTEGER,
                    currency_id INTEGER,
                    PRIMARY KEY (company_id, odoo_id)
                );
                CREATE TABLE partner (
                    company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
                    odoo_id INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    bank_accounts TEXT NOT NULL,
                    is_company INTEGER NOT NULL,
                    PRIMARY KEY (company_id, odoo_id)
                );
                CREATE TABLE tax (
                    company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
                    odoo_id INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    scope TEXT NOT NULL,
                    rate_basis_points INTEGER NOT NULL,
                    PRIMARY KEY (company_id, odoo_id)
                );
                CREATE TABLE move (
                    company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
                    odoo_id INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    state TEXT NOT NULL,
                    move_type TEXT NOT NULL,
                    date TEXT NOT NULL,
                    invoice_date TEXT,
                    due_date TEXT,
                    journal_id INTEGER NOT NULL,
                    partner_id INTEGER,
                    ref TEXT,
                    currency_id INTEGER NOT NULL,
                    amount_total INTEGER NOT NULL,
                    amount_total_in_currency INTEGER NOT NULL,
                    amount_residual INTEGER NOT NULL,
                    payment_state TEXT,
                    created_by_id INTEGER, created_by_name TEXT, created_at TEXT NOT NULL,
                    written_by_id INTEGER, written_by_name TEXT, written_at TEXT NOT NULL,
                    content_hash TEXT NOT NULL,
                    PRIMARY KEY (company_id, odoo_id)
                );
                CREATE INDEX move_by_date ON move(company_id, date);
                CREATE TABLE move_line (
                    company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
                    odoo_id INTEGER NOT NULL,
                    move_id INTEGER NOT NULL,
                    date TEXT NOT NULL,
                    account_id INTEGER NOT NULL,
                    partner_id INTEGER,
                    label TEXT NOT NULL,
                    debit INTEGER NOT NULL CHECK (debit >= 0),
                    credit INTEGER NOT NULL CHECK (credit >= 0),
                    amount_currency INTEGER NOT NULL,
                    currency_id INTEGER NOT NULL,
                    analytic TEXT,
                    tax_ids TEXT NOT NULL,
                    reconciled INTEGER NOT NULL,
                    amount_residual INTEGER NOT NULL,
                    matching_number TEXT,
                    display_type TEXT,
                    PRIMARY KEY (company_id, odoo_id),
                    FOREIGN KEY (company_id, move_id) REFERENCES move(company_id, odoo_id) ON DELETE CASCADE
                );
                CREATE INDEX move_line_by_move ON move_line(company_id, move_id);
                CREATE TABLE statement_line (
                    company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
                    odoo_id INTEGER NOT NULL,
                    move_id INTEGER NOT NULL,
                    journal_id INTEGER NOT NULL,
                    date TEXT NOT NULL,
                    payment_ref TEXT,
                    partner_id INTEGER,
                    partner_name TEXT,
                    account_number TEXT,
                    amount INTEGER NOT NULL,
                    amount_currency_id INTEGER NOT NULL,
                    foreign_amount INTEGER,
                    foreign_currency_id INTEGER,
                    is_reconciled INTEGER NOT NULL,
                    amount_residual INTEGER,
                    PRIMARY KEY (company_id, odoo_id)
                );
                CREATE TABLE move_change (
                    id INTEGER PRIMARY KEY,
                    run_id INTEGER NOT NULL REFERENCES run(id),
                    company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
                    move_odoo_id INTEGER NOT NULL,
                    move_name TEXT NOT NULL,
                    change TEXT NOT NULL CHECK (change IN ('changed', 'deleted')),
                    previous_hash TEXT NOT NULL,
                    current_hash TEXT,
                    written_at TEXT,
                    written_by TEXT
                );
                """)
        }
        migrator.registerMigration("v2-findings") { db in
            try db.execute(sql: """
                CREATE TABLE check_run (
                    run_id INTEGER PRIMARY KEY REFERENCES run(id),
                    company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
                    period TEXT NOT NULL
                );
                CREATE TABLE finding (
                    id INTEGER PRIMARY KEY,
                    run_id INTEGER NOT NULL REFERENCES run(id),
                    company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
                    period TEXT NOT NULL,
                    check_id TEXT NOT NULL,
                    severity TEXT NOT NULL CHECK (severity IN ('blocking', 'warning', 'advisory')),
                    fingerprint TEXT NOT NULL,
                    message TEXT NOT NULL,
                    finding TEXT NOT NULL,
                    UNIQUE (run_id, fingerprint)
                );
                CREATE INDEX finding_by_company_period ON finding(company_id, period, run_id);
                """)
        }
        migrator.registerMigration("v3-finding-posts") { db in
            // One row per finding noted on an Odoo chatter, so a rerun never posts it twice. The key is the
            // finding's first record; thread_* is where the note went (a statement line's note goes to its move).
            try db.execute(sql: """
                CREATE TABLE finding_post (
                    id INTEGER PRIMARY KEY,
                    source_key TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    model TEXT NOT NULL,
                    res_id INTEGER NOT NULL,
                    check_id TEXT NOT NULL,
                    period TEXT NOT NULL,
                    thread_model TEXT NOT NULL,
                    thread_id INTEGER NOT NULL,
                    message_id INTEGER NOT NULL,
                    activity_id INTEGER,
                    found_in_odoo INTEGER NOT NULL CHECK (found_in_odoo IN (0, 1)),
                    recorded_at TEXT NOT NULL,
                    UNIQUE (source_key, fingerprint, model, res_id)
                );
                """)
        }
        migrator.registerMigration("v4-bank-matching") { db in
            // Match models by version (the weights a score came from), proposals with their review status,
            // and reviewers' verdicts that the next model learns from.
            try db.execute(sql: """
                CREATE TABLE match_model (
                    id INTEGER PRIMARY KEY,
                    company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
                    version INTEGER NOT NULL,
                    model TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    UNIQUE (company_id, version)
                );
                CREATE TABLE match_proposal (
                    id INTEGER PRIMARY KEY,
                    company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
                    run_id INTEGER NOT NULL REFERENCES run(id),
                    period TEXT NOT NULL,
                    statement_line_id INTEGER NOT NULL,
                    decision TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('proposed', 'superseded', 'approved', 'rejected', 'applied', 'failed')),
                    idempotency_key TEXT NOT NULL,
                    proposal TEXT NOT NULL,
                    decided_by TEXT,
                    decided_at TEXT,
                    note TEXT
                );
                CREATE INDEX match_proposal_by_line ON match_proposal(company_id, statement_line_id, status);
                CREATE TABLE match_feedback (
                    id INTEGER PRIMARY KEY,
                    company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
                    proposal_id INTEGER NOT NULL REFERENCES match_proposal(id),
                    features TEXT NOT NULL,
                    approved INTEGER NOT NULL CHECK (approved IN (0, 1))
                );
                """)
        }
        migrator.registerMigration("v5-adjustments") { db in
            // Adjusting-entry proposals with their review status, the write-back batches that applied them
            // (with the state of Odoo before each started, for rollback), and every record a batch wrote.
            try db.execute(sql: """
                CREATE TABLE adjustment_proposal (
                    id INTEGER PRIMARY KEY,
                    company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
                    run_id INTEGER NOT NULL REFERENCES run(id),
                    idempotency_key TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    period TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('proposed', 'approved', 'rejected', 'applied', 'failed', 'rolled-back', 'withdrawn')),
                    proposal TEXT NOT NULL,
                    evidence_sha256 TEXT NOT NULL,
                    decided_by TEXT,
                    decided_at TEXT,
                    note TEXT,
                    UNIQUE (company_id, idempotency_key)
                );
                CREATE INDEX adjustment_proposal_by_period ON adjustment_proposal(company_id, period, status);
                CREATE TABLE adjustment_batch (
                    id INTEGER PRIMARY KEY,
                    company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
                    actor TEXT NOT NULL,
                    started_at TEXT NOT NULL,
                    finished_at TEXT,
                    status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'rolled-back')),
                    before_state TEXT NOT NULL,
                    report TEXT,
                    rollback_report TEXT
                );
                CREATE TABLE adjustment_write (
                    id INTEGER PRIMARY KEY,
                    batch_id INTEGER NOT NULL REFERENCES adjustment_batch(id),
                    proposal_id INTEGER NOT NULL REFERENCES adjustment_proposal(id),
                    role TEXT NOT NULL CHECK (role IN ('entry', 'reversal')),
                    odoo_move_id INTEGER NOT NULL,
                    created INTEGER NOT NULL CHECK (created IN (0, 1))
                );
                """)
        }
        migrator.registerMigration("v6-order-lines") { db in
            // Confirmed order lines not fully invoiced, as of the last pull (the product-business accruals read them).
            // Quantities, prices and rates are exact decimal text: they only become money once valued.
            try db.execute(sql: """
                CREATE TABLE order_line (
                    company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
                    side TEXT NOT NULL CHECK (side IN ('purchase', 'sale')),
                    odoo_id INTEGER NOT NULL,
                    order_id INTEGER NOT NULL,
                    order_name TEXT NOT NULL,
                    partner_id INTEGER,
                    product_name TEXT NOT NULL,
                    account_id INTEGER,
                    quantity_ordered TEXT NOT NULL,
                    quantity_fulfilled TEXT NOT NULL,
                    quantity_invoiced TEXT NOT NULL,
                    unit_price TEXT NOT NULL,
                    discount_percent TEXT NOT NULL,
                    currency_id INTEGER NOT NULL,
                    currency_rate TEXT NOT NULL,
                    order_date TEXT NOT NULL,
                    state TEXT NOT NULL,
                    PRIMARY KEY (company_id, side, odoo_id)
                );
                """)
        }
        migrator.registerMigration("v7-users-and-approvals", migrate: migrateUsersAndApprovals)
        migrator.registerMigration("v8-checklist") { db in
            // Close checklists: one per company and period, instantiated from a template (its hash kept), and
            // their tasks. Only done/open is stored; blocked and overdue are derived when the board is shown.
            try db.execute(sql: """
                CREATE TABLE checklist_run (
                    id INTEGER PRIMARY KEY,
                    company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
                    period TEXT NOT NULL,
                    template_origin TEXT NOT NULL,
                    template_sha256 TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    UNIQUE (company_id, period)
                );
                CREATE TABLE checklist_task (
                    id INTEGER PRIMARY KEY,
                    run_id INTEGER NOT NULL REFERENCES checklist_run(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    task_key TEXT NOT NULL,
                    title TEXT NOT NULL,
                    owner TEXT NOT NULL,
                    odoo_user TEXT,
                    depends_on TEXT NOT NULL,
                    due_offset INTEGER NOT NULL,
                    due_date TEXT NOT NULL,
                    completion TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('open', 'done')),
                    completed_at TEXT,
                    completed_by TEXT,
                    comment TEXT,
                    evidence TEXT,
                    activity_id INTEGER,
                    UNIQUE (run_id, task_key)
                );
                """)
        }
        migrator.registerMigration("v9-lock-requests") { db in
            // Period-lock requests: the gate as it stood when asked, the lock dates asked for, who asked
            // and who approved, and what Odoo held before and after the write.
            try db.execute(sql: """
                CREATE TABLE lock_request (
                    id INTEGER PRIMARY KEY,
                    company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
                    period TEXT NOT NULL,
                    fields TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('refused', 'requested', 'verified', 'failed')),
                    gate TEXT NOT NULL,
                    requested_by TEXT NOT NULL,
                    requested_at TEXT NOT NULL,
                    approved_by TEXT,
                    approved_at TEXT,
                    detail TEXT
                );
                """)
        }
        migrator.registerMigration("v10-webhooks") { db in
            // Outgoing webhook deliveries: one row per event and target (never enqueued twice), retried with
            // backoff until delivered or dead. The cursor remembers how far the audit trail was turned into events.
            try db.execute(sql: """
                CREATE TABLE webhook_delivery (
                    id INTEGER PRIMARY KEY,
                    event_key TEXT NOT NULL,
                    event_type TEXT NOT NULL,
                    target_url TEXT NOT NULL,
                    payload TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
                    attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
                    next_attempt_at TEXT NOT NULL,
                    last_error TEXT,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    delivered_at TEXT,
                    UNIQUE (event_key, target_url)
                );
                CREATE INDEX webhook_delivery_due ON webhook_delivery(status, next_attempt_at);
                CREATE TABLE webhook_feed_cursor (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    audit_seq INTEGER NOT NULL
                );
                """)
        }
        migrator.registerMigration("v11-scheduled-runs") { db in
            // Scheduled close runs: one row per schedule and slot (the due time it ran for), so a slot never runs twice.
            try db.execute(sql: """
                CREATE TABLE scheduled_run (
                    id INTEGER PRIMARY KEY,
                    schedule_name TEXT NOT NULL,
                    source_key TEXT NOT NULL,
                    period TEXT NOT NULL,
                    slot TEXT NOT NULL,
                    started_at TEXT NOT NULL,
                    finished_at TEXT,
                    status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'skipped-overlap', 'interrupted')),
                    summary TEXT NOT NULL DEFAULT '',
                    UNIQUE (schedule_name, slot)
                );
                """)
        }
        migrator.registerMigration("v12-web-sessions", migrate: migrateWebSessions)
        migrator.registerMigration("v13-findings-list-indexes") { db in
            // The findings list (what dashboards poll) reads a run's findings in order, and finds the
            // latest run of a period: without these, every page sorted the findings' JSON in a temporary tree.
            try db.execute(sql: """
                CREATE INDEX finding_by_run ON finding(run_id, id);
                CREATE INDEX check_run_by_period ON check_run(company_id, period, run_id);
                """)
        }
        migrator.registerMigration("v14-finding-waivers") { db in
            // A finding set aside by a person: acknowledged (someone is on it) or waived (it stops blocking until
            // `until`). The finding's JSON as it was set aside is kept, so a finding that changes blocks again.
            try db.execute(sql: """
                CREATE TABLE finding_waiver (
                    id INTEGER PRIMARY KEY,
                    company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
                    fingerprint TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('acknowledged', 'waived')),
                    finding TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    until TEXT,
                    decided_by TEXT NOT NULL,
                    decided_at TEXT NOT NULL,
                    UNIQUE (company_id, fingerprint)
                );
                """)
        }
        migrator.registerMigration("v15-login-failures") { db in
            // Failed logins in a row per account, so guessing slows down and finally locks the account.
            try db.execute(sql: """
                CREATE TABLE login_failure (
                    login TEXT PRIMARY KEY,
                    failures INTEGER NOT NULL CHECK (failures > 0),
                    last_failure_epoch REAL NOT NULL,
                    locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1))
                );
                """)
        }
        migrator.registerMigration("v16-audit-checkpoints") { db in
            // Signed checkpoints of the audit chain's head (the key stays outside the store), append-only like the trail.
            try db.execute(sql: """
                CREATE TABLE audit_checkpoint (
                    id INTEGER PRIMARY KEY,
                    chain_id TEXT NOT NULL,
                    seq INTEGER NOT NULL CHECK (seq > 0),
                    head_hash TEXT NOT NULL CHECK (length(head_hash) = 64),
                    signed_at TEXT NOT NULL,
                    key_id TEXT NOT NULL,
                    signature TEXT NOT NULL,
                    signed_by TEXT NOT NULL
                );
                CREATE TRIGGER audit_checkpoint_append_only_update BEFORE UPDATE ON audit_checkpoint
                    BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
                CREATE TRIGGER audit_checkpoint_append_only_delete BEFORE DELETE ON audit_checkpoint
                    BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
                """)
        }
        migrator.registerMigration("v17-payables-reviews") { db in
            // The intake verdict of each vendor bill Closer checked (keyed by ledger text: a webhook's bill may
            // belong to a company never pulled), whether its payment is blocked, and who released it.
            try db.execute(sql: """
                CREATE TABLE bill_review (
                    source_key TEXT NOT NULL,
                    bill_id INTEGER NOT NULL CHECK (bill_id > 0),
                    bill_name TEXT NOT NULL,
                    vendor TEXT NOT NULL,
                    amount TEXT NOT NULL,
                    currency TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('clear', 'warned', 'blocked', 'released')),
                    action TEXT CHECK (action IN ('warn', 'second-approver', 'hold')),
                    problem_key TEXT NOT NULL,
                    verdict TEXT NOT NULL,
                    preparer_login TEXT,
                    flagged_at TEXT,
                    checked_at TEXT NOT NULL,
                    released_by TEXT,
                    released_at TEXT,
                    release_reason TEXT,
                    blocked_in_odoo INTEGER NOT NULL DEFAULT 0 CHECK (blocked_in_odoo IN (0, 1)),
                    PRIMARY KEY (source_key, bill_id)
                );
                CREATE INDEX bill_review_status ON bill_review (status, flagged_at);
                """)
        }
        migrator.registerMigration("v18-payables-approvals") { db in
            // A vendor bill's approval route (the router's levels and the facts they came from; a changed route
            // supersedes the old one and its decisions), one decision per level, and approvers' delegations.
            try db.execute(sql: """
                CREATE TABLE bill_approval (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    source_key TEXT NOT NULL,
                    bill_id INTEGER NOT NULL CHECK (bill_id > 0),
                    facts TEXT NOT NULL,
                    route TEXT NOT NULL,
                    route_key TEXT NOT NULL,
                    requested_by TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'superseded')),
                    entered_at TEXT NOT NULL,
                    closed_at TEXT
                );
                CREATE UNIQUE INDEX bill_approval_current ON bill_approval (source_key, bill_id) WHERE status != 'superseded';
                CREATE INDEX bill_approval_status ON bill_approval (status, entered_at);
                CREATE TABLE bill_approval_decision (
                    approval_id INTEGER NOT NULL REFERENCES bill_approval(id),
                    level INTEGER NOT NULL CHECK (level > 0),
                    approver TEXT NOT NULL,
                    on_behalf_of TEXT,
                    role TEXT NOT NULL,
                    decision TEXT NOT NULL CHECK (decision IN ('approved', 'rejected')),
                    comment TEXT,
                    decided_at TEXT NOT NULL,
                    PRIMARY KEY (approval_id, level)
                );
                CREATE TABLE approval_delegation (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    from_login TEXT NOT NULL,
                    to_login TEXT NOT NULL CHECK (to_login != from_login),
                    starts_on TEXT NOT NULL,
                    ends_on TEXT NOT NULL CHECK (ends_on >= starts_on),
                    reason TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    created_at TEXT NOT NULL
                );
                CREATE INDEX approval_delegation_to ON approval_delegation (to_login, starts_on);
                """)
        }
        migrator.registerMigration("v19-receivables-collections") { db in
            // Collections: one reminder per customer awaiting a decision (a new draft supersedes it), promises to pay
            // with the open amount they were made against, and disputes that take an invoice out of the reminders.
            try db.execute(sql: """
                CREATE TABLE collection_reminder (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    source_key TEXT NOT NULL,
                    customer_id INTEGER NOT NULL CHECK (customer_id > 0),
                    customer_name TEXT NOT NULL,
                    level INTEGER NOT NULL CHECK (level > 0),
                    draft TEXT NOT NULL,
                    letter TEXT NOT NULL,
                    items_key TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('drafted', 'approved', 'sent', 'rejected', 'superseded')),
                    as_of TEXT NOT NULL,
                    drafted_by TEXT NOT NULL,
                    drafted_at TEXT NOT NULL,
                    decided_by TEXT,
                    decided_at TEXT,
                    decision_note TEXT,
                    odoo_activity_id INTEGER,
                    odoo_message_id INTEGER,
                    sent_at TEXT
                );
                CREATE UNIQUE INDEX collection_reminder_open ON collection_reminder (source_key, customer_id) WHERE status IN ('drafted', 'approved');
                CREATE TABLE collection_promise (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    source_key TEXT NOT NULL,
                    customer_id INTEGER NOT NULL CHECK (customer_id > 0),
                    customer_name TEXT NOT NULL,
                    invoice_ids TEXT NOT NULL,
                    promised_on TEXT NOT NULL,
                    amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
                    open_minor_at_recording INTEGER NOT NULL,
                    currency TEXT NOT NULL,
                    scale INTEGER NOT NULL,
                    note TEXT,
                    recorded_by TEXT NOT NULL,
                    recorded_at TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('open', 'kept', 'broken')),
                    resolved_at TEXT
                );
                CREATE INDEX collection_promise_status ON collection_promise (source_key, status);
                CREATE TABLE collection_dispute (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    source_key TEXT NOT NULL,
                    invoice_id INTEGER NOT NULL CHECK (invoice_id > 0),
                    invoice_name TEXT NOT NULL,
                    customer_id INTEGER NOT NULL,
                    customer_name TEXT NOT NULL,
                    reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
                    owner_login TEXT,
                    recorded_by TEXT NOT NULL,
                    recorded_at TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
                    resolved_by TEXT,
                    resolved_at TEXT,
                    resolution TEXT,
                    odoo_activity_id INTEGER
                );
                CREATE UNIQUE INDEX collection_dispute_open ON collection_dispute (source_key, invoice_id) WHERE status = 'open';
                """)
        }
        migrator.registerMigration("v20-receivables-credit-holds") { db in
            // A customer's credit hold from proposal to release, who took each step and when, and the sales warning
            // Closer found on the customer before blocking it (what the release puts back). `odoo_block` follows the
            // block in Odoo: claimed before it is written, set once seen there, lifting once released, lifted once put back.
            try db.execute(sql: """
                CREATE TABLE credit_hold (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    source_key TEXT NOT NULL,
                    partner_id INTEGER NOT NULL CHECK (partner_id > 0),
                    partner_name TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('proposed', 'approved', 'applied', 'released', 'rejected')),
                    currency TEXT NOT NULL,
                    exposure TEXT NOT NULL,
                    credit_limit TEXT,
                    seriously_overdue TEXT NOT NULL,
                    reasons TEXT NOT NULL,
                    proposed_by TEXT NOT NULL,
                    proposed_at TEXT NOT NULL,
                    approved_by TEXT,
                    approved_at TEXT,
                    applied_by TEXT,
                    applied_at TEXT,
                    closed_by TEXT,
                    closed_at TEXT,
                    close_reason TEXT,
                    odoo_block TEXT CHECK (odoo_block IN ('claimed', 'set', 'lifting', 'lifted')),
                    previous_warn TEXT,
                    previous_warn_msg TEXT,
                    CHECK (status NOT IN ('approved', 'applied') OR approved_by IS NOT NULL),
                    CHECK (status != 'applied' OR applied_by IS NOT NULL),
                    CHECK (status NOT IN ('released', 'rejected') OR closed_by IS NOT NULL),
                    CHECK (odoo_block IS NULL OR previous_warn IS NOT NULL)
                );
                CREATE UNIQUE INDEX credit_hold_open ON credit_hold (source_key, partner_id) WHERE status IN ('proposed', 'approved', 'applied');
                CREATE INDEX credit_hold_status ON credit_hold (status, proposed_at);
                """)
        }
        migrator.registerMigration("v21-treasury-payment-runs") { db in
            // Vendors' bank accounts as the last pull saw them (what the next one compares), every change found with who
            // made it, the verifications people recorded (who, by what channel, when), and payment runs from proposal to
            // payment: the proposal as it was approved, and each payment claimed before Odoo is asked to create it, so a
            // retry after a lost answer finds it instead of paying twice.
            try db.execute(sql: """
                CREATE TABLE bank_account_snapshot (
                    source_key TEXT NOT NULL,
                    account_id INTEGER NOT NULL CHECK (account_id > 0),
                    account TEXT NOT NULL,
                    active INTEGER NOT NULL,
                    first_seen_at TEXT NOT NULL,
                    seen_at TEXT NOT NULL,
                    PRIMARY KEY (source_key, account_id)
                );
                CREATE TABLE bank_detail_change (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    source_key TEXT NOT NULL,
                    account_id INTEGER NOT NULL CHECK (account_id > 0),
                    partner_id INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    changed_at TEXT NOT NULL,
                    changed_by TEXT NOT NULL,
                    detail TEXT,
                    found_at TEXT NOT NULL,
                    UNIQUE (source_key, account_id, kind, changed_at)
                );
                CREATE INDEX bank_detail_change_partner ON bank_detail_change (source_key, partner_id);
                CREATE TABLE bank_verification (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    source_key TEXT NOT NULL,
                    account_id INTEGER NOT NULL CHECK (account_id > 0),
                    partner_id INTEGER NOT NULL,
                    number TEXT NOT NULL,
                    verified_by TEXT NOT NULL,
                    channel TEXT NOT NULL CHECK (length(trim(channel)) > 0),
                    verified_at TEXT NOT NULL
                );
                CREATE INDEX bank_verification_account ON bank_verification (source_key, account_id);
                CREATE TABLE payment_run (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    source_key TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('proposed', 'approved', 'paid', 'rejected', 'superseded')),
                    execution_date TEXT NOT NULL,
                    proposal TEXT NOT NULL,
                    proposed_by TEXT NOT NULL,
                    proposed_at TEXT NOT NULL,
                    approved_by TEXT,
                    approved_at TEXT,
                    closed_by TEXT,
                    closed_at TEXT,
                    close_reason TEXT,
                    CHECK (status NOT IN ('approved', 'paid') OR approved_by IS NOT NULL)
                );
                CREATE UNIQUE INDEX payment_run_open ON payment_run (source_key) WHERE status IN ('proposed', 'approved');
                CREATE TABLE payment_run_payment (
                    run_id INTEGER NOT NULL REFERENCES payment_run (id),
                    bill_id INTEGER NOT NULL CHECK (bill_id > 0),
                    state TEXT NOT NULL CHECK (state IN ('claimed', 'created')),
                    claimed_at TEXT NOT NULL,
                    odoo_payment_id INTEGER,
                    odoo_payment_name TEXT,
                    created_at TEXT,
                    CHECK (state != 'created' OR odoo_payment_id IS NOT NULL),
                    PRIMARY KEY (run_id, bill_id)
                );
                """)
        }
        migrator.registerMigration("v22-operations-exception-sightings") { db in
            // Exceptions only a live review of Odoo finds (expense policy findings, segregation-of-duties conflicts): when
            // each was first and last seen and when a later review no longer found it, so the operations view can give
            // them an age and an SLA like the exceptions other tables already hold (held bills, proposed credit holds).
            try db.execute(sql: """
                CREATE TABLE exception_sighting (
                    source_key TEXT NOT NULL,
                    family TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    record_model TEXT,
                    record_id INTEGER,
                    record_name TEXT,
                    owner TEXT,
                    first_seen_at TEXT NOT NULL,
                    last_seen_at TEXT NOT NULL,
                    resolved_at TEXT,
                    PRIMARY KEY (source_key, family, fingerprint)
                );
                CREATE INDEX exception_sighting_open ON exception_sighting (source_key, family) WHERE resolved_at IS NULL;
                """)
        }
        migrator.registerMigration("v23-company-date-order") { db in
            // How the company writes dates as numbers (its language's format in Odoo): day first or month first decides
            // what "01/10/2026" means in a bill's service period.
            try db.execute(sql: "ALTER TABLE company ADD COLUMN date_order TEXT")
        }
        migrator.registerMigration("v24-finding-dismissals") { db in
            // What a controller dismissed, so the next check hides it: the check, the scope (the finding's records with
            // their amounts as JSON, a partner, an account, or the whole check), why and until when. Withdrawn rows stay.
            try db.execute(sql: """
                CREATE TABLE finding_dismissal (
                    id INTEGER PRIMARY KEY,
                    company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
                    check_id TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    period TEXT NOT NULL,
                    scope TEXT NOT NULL CHECK (scope IN ('record', 'partner', 'account', 'kind')),
                    scope_id INTEGER,
                    scope_name TEXT,
                    records TEXT,
                    reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
                    until TEXT,
                    decided_by TEXT NOT NULL,
                    decided_at TEXT NOT NULL,
                    withdrawn_by TEXT,
                    withdrawn_at TEXT,
                    CHECK ((scope IN ('partner', 'account')) = (scope_id IS NOT NULL AND scope_name IS NOT NULL)),
                    CHECK ((scope = 'record') = (records IS NOT NULL)),
                    CHECK (scope <> 'kind' OR until IS NOT NULL)
                );
                CREATE INDEX finding_dismissal_by_company ON finding_dismissal(company_id, withdrawn_at);
                """)
        }
        migrator.registerMigration("v25-odoo-schema-cache") { db in
            // The fields each Odoo database has, as last detected, and the server version and installed modules they were
            // detected under: a pull of a database whose modules did not change asks for no fields_get.
            try db.execute(sql: """
                CREATE TABLE odoo_schema (
                    url TEXT NOT NULL,
                    database TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    schema TEXT NOT NULL,
                    detected_at TEXT NOT NULL,
                    PRIMARY KEY (url, database)
                )
                """)
        }
        migrator.registerMigration("v26-odoo-login") { db in
            // The uid each login had on each Odoo database when last authenticated, so that a run need not authenticate
            // (Odoo hashes the password on every authenticate). No password or key is kept.
            try db.execute(sql: """
                CREATE TABLE odoo_login (
                    url TEXT NOT NULL,
                    database TEXT NOT NULL,
                    login TEXT NOT NULL,
                    uid INTEGER NOT NULL CHECK (uid > 0),
                    authenticated_at TEXT NOT NULL,
                    PRIMARY KEY (url, database, login)
                )
                """)
        }
        migrator.registerMigration("v27-write-fence") { db in
            // Each firm job's latest lease token that wrote here: a worker whose lease was taken over finds a newer
            // token and writes nothing more (`AppDatabase.fenced(by:)`).
            try db.execute(sql: """
                CREATE TABLE write_fence (
                    job TEXT PRIMARY KEY,
                    token INTEGER NOT NULL,
                    claimed_at TEXT NOT NULL
                )
                """)
        }
        return migrator
    }
}
