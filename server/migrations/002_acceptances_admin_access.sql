-- Microsoft Customer Agreement acceptance requests, and admin access (GDAP) on orders.

ALTER TABLE customers ADD COLUMN accepted_directly boolean NOT NULL DEFAULT false;

CREATE TABLE agreement_acceptances (
  id                    text        PRIMARY KEY,
  reseller_id           text        NOT NULL,
  -- Microsoft's id of the request, and the link it gave.
  microsoft_id          text        NOT NULL,
  url                   text        NOT NULL,
  expires_at            timestamptz NOT NULL,
  accepted_at           timestamptz,
  -- Set once a provisioning task recorded the agreement for the customer's tenant.
  recorded_at           timestamptz,
  required_before_order boolean     NOT NULL DEFAULT false,
  signatory             jsonb       NOT NULL,
  company               jsonb       NOT NULL,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agreement_acceptances_reseller ON agreement_acceptances (reseller_id, created_at);

-- The order's admin-access request as the contract shows it (status, roles, approval link).
ALTER TABLE orders ADD COLUMN admin_access jsonb;
