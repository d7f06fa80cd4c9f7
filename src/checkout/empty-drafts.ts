/**
 * The empty forms a fresh checkout starts with. A module of their own, importing nothing at
 * run time: `<lc-checkout>` builds its initial state (`createCheckout`) before the rules
 * (`validate.ts`, the machine) have loaded. `validate.ts` and `admin-access.ts` re-export them.
 */
import type { AdminAccessDraft } from './admin-access.js';
import type { AgreementDraft, CompanyDraft, TenantDraft } from './validate.js';

export const emptyCompany: Readonly<CompanyDraft> = Object.freeze({
  companyName: '',
  country: '',
  line1: '',
  line2: '',
  city: '',
  state: '',
  postalCode: '',
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
});

export const emptyTenant: Readonly<TenantDraft> = Object.freeze({ hasTenant: false, domain: '', prefix: '' });

export const emptyAgreement: Readonly<AgreementDraft> = Object.freeze({
  someoneElse: false,
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
});

export const emptyAdminAccess: Readonly<AdminAccessDraft> = Object.freeze({
  defaultRoles: true,
  request: false,
  templateId: '',
  days: 730,
  autoExtend: false,
});

