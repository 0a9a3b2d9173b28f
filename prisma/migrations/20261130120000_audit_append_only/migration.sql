-- The audit trail is append-only: rows may be inserted and read, never changed or removed,
-- whatever the application does (docs/decisions/013-audit-append-only.md).
CREATE OR REPLACE FUNCTION "porth_audit_append_only"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'The audit trail is append-only: % on "AuditEvent" is refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditEvent_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "porth_audit_append_only"();

CREATE TRIGGER "AuditEvent_no_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "porth_audit_append_only"();
