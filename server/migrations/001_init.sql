-- The store: customers, orders, their provisioning tasks (which are also the job queue),
-- idempotency keys and the domain prefixes that orders hold.

-- A reseller's customers. `id` is the store's id shown to the widget; `tenant_id` is the
-- Microsoft tenant (Partner Center's customer id).
CREATE TABLE customers (
  reseller_id       text        NOT NULL,
  id                text        NOT NULL,
  company_name      text        NOT NULL,
  default_domain    text        NOT NULL,
  agreement_on_file boolean     NOT NULL DEFAULT false,
  country           text,
  tenant_id         text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (reseller_id, id)
);
CREATE UNIQUE INDEX customers_domain ON customers (reseller_id, lower(default_domain));

CREATE TABLE orders (
  id                  text        PRIMARY KEY,
  reseller_id         text        NOT NULL,
  -- The order request as parsed with the contract's schema.
  request             jsonb       NOT NULL,
  -- The contract's Order.recipient summary.
  recipient           jsonb       NOT NULL,
  currency            text        NOT NULL,
  lines               jsonb       NOT NULL,
  first_invoice_total integer     NOT NULL,
  -- Sent as MS-CorrelationId on every Partner Center call made for this order.
  correlation_id      text        NOT NULL,
  customer_id         text,
  tenant_id           text,
  credentials         jsonb,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_reseller ON orders (reseller_id, created_at);

-- One row per provisioning task. The rows are the job queue as well: a worker claims the
-- first unfinished task of an order with FOR UPDATE SKIP LOCKED and holds a lease on it.
CREATE TABLE tasks (
  order_id          text        NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  position          integer     NOT NULL,
  id                text        NOT NULL,
  kind              text        NOT NULL,
  label             text        NOT NULL,
  status            text        NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'running', 'succeeded', 'failed', 'waiting', 'action-required')),
  -- What the task needs (the order line, the prefix) and what it keeps between runs
  -- (Partner Center request ids, the cart id), so a resumed task repeats nothing.
  params            jsonb       NOT NULL DEFAULT '{}',
  state             jsonb       NOT NULL DEFAULT '{}',
  detail            text,
  action_url        text,
  estimated_seconds real,
  started_at        timestamptz,
  finished_at       timestamptz,
  run_at            timestamptz NOT NULL DEFAULT now(),
  locked_by         text,
  locked_until      timestamptz,
  attempts          integer     NOT NULL DEFAULT 0,
  last_error        text,
  PRIMARY KEY (order_id, position),
  UNIQUE (order_id, id)
);
CREATE INDEX tasks_ready ON tasks (run_at) WHERE status IN ('pending', 'running', 'waiting', 'action-required');

-- Every time a worker starts a task: which instance, when. Proves no task ran on two at once.
CREATE TABLE task_runs (
  id          integer     GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id    text        NOT NULL,
  position    integer     NOT NULL,
  instance_id text        NOT NULL,
  started_at  timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  outcome     text
);
CREATE INDEX task_runs_task ON task_runs (order_id, position);

-- POST /orders idempotency: the key, a hash of the canonical body, the order it made and
-- the status it was answered with (a repeat answers with that order as it is now).
-- `running` while the first request with the key is in progress.
CREATE TABLE idempotency_keys (
  reseller_id     text        NOT NULL,
  key             text        NOT NULL,
  body_hash       text        NOT NULL,
  state           text        NOT NULL CHECK (state IN ('running', 'done')),
  order_id        text,
  response_status integer,
  -- Which request holds a `running` key; a request that took over an abandoned key replaces it.
  holder          text,
  locked_until    timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  expires_at      timestamptz NOT NULL,
  PRIMARY KEY (reseller_id, key)
);
CREATE INDEX idempotency_expiry ON idempotency_keys (expires_at);

-- A new tenant's domain, held from the moment an order asks for it, so two orders can never
-- both be accepted for one prefix while the tenant is still being created.
CREATE TABLE domain_holds (
  domain       text        PRIMARY KEY,
  reseller_id  text        NOT NULL,
  order_id     text        NOT NULL,
  company_name text        NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
