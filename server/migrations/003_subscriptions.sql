-- What each placed line commits to (end date, renewal, cancellation deadline), and the
-- reseller's purchase order number, as the order shows them.
ALTER TABLE orders ADD COLUMN line_terms jsonb;
ALTER TABLE orders ADD COLUMN purchase_order text;
