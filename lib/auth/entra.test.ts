import { describe, expect, it } from "vitest";
import { loadEnv } from "@/lib/env";
import { entraIdentity, entraTenant } from "./entra";

const TENANT = "2f1c4a7e-0b1d-4c3e-9a5f-6d7e8f901234";
const OTHER = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";
const OID = "11111111-2222-4333-8444-555555555555";
const ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`;

describe("the pinned Entra ID tenant", () => {
  it("comes from AUTH_MICROSOFT_ENTRA_ID_TENANT_ID or a tenant's issuer", () => {
    expect(entraTenant({ AUTH_MICROSOFT_ENTRA_ID_TENANT_ID: TENANT.toUpperCase() })).toEqual({
      tenantId: TENANT,
      issuer: ISSUER,
    });
    expect(entraTenant({ AUTH_MICROSOFT_ENTRA_ID_ISSUER: `${ISSUER}/` })).toEqual({ tenantId: TENANT, issuer: ISSUER });
    expect(
      entraTenant({
        AUTH_MICROSOFT_ENTRA_ID_TENANT_ID: TENANT,
        AUTH_MICROSOFT_ENTRA_ID_ISSUER: "https://login.microsoftonline.com/common/v2.0",
      }),
    ).toEqual({ tenantId: TENANT, issuer: ISSUER });
  });

  it("is missing when nothing names one tenant, or the two settings disagree", () => {
    expect(entraTenant({})).toBeNull();
    expect(entraTenant({ AUTH_MICROSOFT_ENTRA_ID_ISSUER: "https://login.microsoftonline.com/common/v2.0" })).toBeNull();
    expect(entraTenant({ AUTH_MICROSOFT_ENTRA_ID_TENANT_ID: "organizations" })).toBeNull();
    expect(
      entraTenant({
        AUTH_MICROSOFT_ENTRA_ID_TENANT_ID: OTHER,
        AUTH_MICROSOFT_ENTRA_ID_ISSUER: ISSUER,
      }),
    ).toBeNull();
  });

  it("is required by the environment check when Microsoft sign-in is configured", () => {
    const base = { NODE_ENV: "test", AUTH_SECRET: "x".repeat(32), MFA_ENCRYPTION_KEY: "y".repeat(32) } as const;
    const entra = { AUTH_MICROSOFT_ENTRA_ID_ID: "client", AUTH_MICROSOFT_ENTRA_ID_SECRET: "secret" };
    expect(() => loadEnv({ ...base, ...entra })).toThrow(/AUTH_MICROSOFT_ENTRA_ID_TENANT_ID/);
    expect(() => loadEnv({ ...base, ...entra, AUTH_MICROSOFT_ENTRA_ID_TENANT_ID: "common" })).toThrow(
      /AUTH_MICROSOFT_ENTRA_ID_TENANT_ID/,
    );
    expect(
      loadEnv({ ...base, ...entra, AUTH_MICROSOFT_ENTRA_ID_TENANT_ID: TENANT }).AUTH_MICROSOFT_ENTRA_ID_TENANT_ID,
    ).toBe(TENANT);
  });
});

describe("an Entra ID token's claims", () => {
  const tenant = entraTenant({ AUTH_MICROSOFT_ENTRA_ID_TENANT_ID: TENANT });
  const claims = { tid: TENANT, iss: ISSUER, oid: OID, email: "examiner@appointees.test" };

  it("are accepted from the pinned tenant and issuer, with an object id", () => {
    expect(entraIdentity(claims, tenant)).toEqual({ ok: true, oid: OID, email: "examiner@appointees.test" });
    expect(entraIdentity({ ...claims, oid: OID.toUpperCase(), email: undefined }, tenant)).toEqual({
      ok: true,
      oid: OID,
      email: "",
    });
  });

  it("are refused from another tenant, another issuer, without an object id, or with no tenant pinned", () => {
    expect(entraIdentity({ ...claims, tid: OTHER, iss: ISSUER.replace(TENANT, OTHER) }, tenant)).toEqual({
      ok: false,
      reason: "wrong-tenant",
    });
    expect(entraIdentity({ ...claims, tid: undefined }, tenant)).toEqual({ ok: false, reason: "wrong-tenant" });
    expect(entraIdentity({ ...claims, iss: "https://sts.windows.net/" + TENANT + "/" }, tenant)).toEqual({
      ok: false,
      reason: "wrong-issuer",
    });
    expect(entraIdentity({ ...claims, oid: undefined }, tenant)).toEqual({ ok: false, reason: "no-object-id" });
    expect(entraIdentity({ ...claims, oid: "not-an-id" }, tenant)).toEqual({ ok: false, reason: "no-object-id" });
    expect(entraIdentity(claims, null)).toEqual({ ok: false, reason: "no-tenant" });
    expect(entraIdentity(null, tenant)).toEqual({ ok: false, reason: "wrong-tenant" });
  });
});
