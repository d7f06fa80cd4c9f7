/**
 * The mock backend's fixed data: a New Commerce price list, the reseller's existing
 * customers, the tenants Microsoft already knows, and the current agreement.
 *
 * Prices are USD list prices per licence, in cents. Under New Commerce a monthly term
 * (P1M) is billed monthly only and costs 20% more than an annual term; an annual term
 * (P1Y) is billed monthly or annually; a three-year term (P3Y) exists for some products
 * only. An annual bill is twelve monthly prices.
 */
import type { AdminRole, Agreement, Catalog, Customer, Offer, Product, RoleTemplate } from '../api/schemas.js';

interface ProductSpec {
  id: string;
  name: string;
  category: string;
  description: string;
  /** Monthly list price of one licence on an annual (P1Y) term, in cents. */
  monthly: number;
  maxQuantity: number;
  threeYear?: boolean;
  /** Licences one customer may hold across all its subscriptions of the product. */
  seatCap?: number;
}

/** A year billed upfront: twelve months less 5 %, in whole cents. */
const upfront = (monthly: number): number => Math.round(monthly * 12 * 0.95);

/** The offers New Commerce has for a product with this monthly annual-term price. */
export function offersFor(monthly: number, threeYear = false): Offer[] {
  const offers: Offer[] = [
    // A monthly term costs 20% more than committing to a year; a year paid upfront about 5% less than paid monthly.
    { term: 'P1M', billing: 'monthly', unitPrice: Math.round(monthly * 1.2) },
    { term: 'P1Y', billing: 'monthly', unitPrice: monthly },
    { term: 'P1Y', billing: 'annual', unitPrice: upfront(monthly) },
  ];
  if (threeYear) {
    offers.push({ term: 'P3Y', billing: 'monthly', unitPrice: monthly }, { term: 'P3Y', billing: 'annual', unitPrice: upfront(monthly) });
  }
  return offers;
}

const specs: ProductSpec[] = [
  {
    id: 'cfq7ttc0lh18-0001',
    name: 'Microsoft 365 Business Basic',
    category: 'Microsoft 365',
    description: 'Web and mobile Office apps, Teams, 1 TB OneDrive storage and business email. For up to 300 users.',
    monthly: 600,
    maxQuantity: 300,
    seatCap: 300,
  },
  {
    id: 'cfq7ttc0ldpb-0001',
    name: 'Microsoft 365 Business Standard',
    category: 'Microsoft 365',
    description: 'Everything in Business Basic plus desktop Office apps with premium features, webinars and Clipchamp. For up to 300 users.',
    monthly: 1250,
    maxQuantity: 300,
    seatCap: 300,
  },
  {
    id: 'cfq7ttc0lckm-0001',
    name: 'Microsoft 365 Business Premium',
    category: 'Microsoft 365',
    description: 'Everything in Business Standard plus advanced security, device management and Defender for Business. For up to 300 users.',
    monthly: 2200,
    maxQuantity: 300,
    seatCap: 300,
  },
  {
    id: 'cfq7ttc0lfld-0001',
    name: 'Microsoft 365 E3',
    category: 'Microsoft 365',
    description: 'Office apps, Windows Enterprise, Intune and Entra ID P1 for organisations of any size.',
    monthly: 3600,
    maxQuantity: 10000,
    threeYear: true,
  },
  {
    id: 'cfq7ttc0lfk5-0001',
    name: 'Microsoft 365 E5',
    category: 'Microsoft 365',
    description: 'Everything in Microsoft 365 E3 plus Defender XDR, Entra ID P2, Purview compliance and Power BI Pro.',
    monthly: 5700,
    maxQuantity: 10000,
    threeYear: true,
  },
  {
    id: 'cfq7ttc0lf8r-0001',
    name: 'Office 365 E1',
    category: 'Office 365',
    description: 'Web versions of the Office apps, Teams, Exchange email and 1 TB OneDrive storage.',
    monthly: 1000,
    maxQuantity: 10000,
  },
  {
    id: 'cfq7ttc0lf8q-0001',
    name: 'Office 365 E3',
    category: 'Office 365',
    description: 'Desktop Office apps, Teams, Exchange with a 100 GB mailbox, and compliance tools.',
    monthly: 2300,
    maxQuantity: 10000,
    threeYear: true,
  },
  {
    id: 'cfq7ttc0lh16-0001',
    name: 'Exchange Online (Plan 1)',
    category: 'Exchange',
    description: 'Business email with a 50 GB mailbox, shared calendars and anti-malware protection.',
    monthly: 400,
    maxQuantity: 10000,
  },
  {
    id: 'cfq7ttc0rm8k-0001',
    name: 'Microsoft Teams Essentials',
    category: 'Teams',
    description: 'Online meetings of up to 30 hours with 300 participants, chat and 10 GB cloud storage per user.',
    monthly: 400,
    maxQuantity: 300,
  },
  {
    id: 'cfq7ttc0hjvm-0001',
    name: 'Microsoft Defender for Business',
    category: 'Security',
    description: 'Endpoint detection and response, next-generation antivirus and automated investigation. For up to 300 users.',
    monthly: 300,
    maxQuantity: 300,
  },
  {
    id: 'cfq7ttc0lh2h-0001',
    name: 'Microsoft Entra ID P1',
    category: 'Identity',
    description: 'Conditional Access, self-service password reset with write-back and dynamic groups.',
    monthly: 600,
    maxQuantity: 10000,
    threeYear: true,
  },
  {
    id: 'cfq7ttc0lfk6-0001',
    name: 'Microsoft Entra ID P2',
    category: 'Identity',
    description: 'Everything in Entra ID P1 plus ID Protection, Privileged Identity Management and access reviews.',
    monthly: 900,
    maxQuantity: 10000,
  },
];

export const catalog: Catalog = {
  currency: 'USD',
  products: specs.map(
    (spec): Product => ({
      id: spec.id,
      name: spec.name,
      description: spec.description,
      category: spec.category,
      minQuantity: 1,
      maxQuantity: spec.maxQuantity,
      ...(spec.seatCap ? { seatCap: spec.seatCap } : {}),
      offers: offersFor(spec.monthly, spec.threeYear),
    }),
  ),
};

/** The reseller's existing customers (copied per mock instance, since orders change them). */
export const customers: readonly Customer[] = [
  { id: 'cst-7f3a2c91', companyName: 'Contoso Ltd.', defaultDomain: 'contoso.onmicrosoft.com', agreementOnFile: true, country: 'US' },
  { id: 'cst-1b84d0e6', companyName: 'Adatum Corporation', defaultDomain: 'adatum.onmicrosoft.com', agreementOnFile: false, country: 'US' },
  { id: 'cst-5c2e9a47', companyName: 'Litware, Inc.', defaultDomain: 'litwareinc.onmicrosoft.com', agreementOnFile: true, country: 'US' },
  { id: 'cst-9d61f3b2', companyName: 'Tailspin Toys', defaultDomain: 'tailspintoys.onmicrosoft.com', agreementOnFile: true, country: 'CA' },
  // Accepted the agreement in the Microsoft 365 admin center: on file without any request of ours.
  {
    id: 'cst-3ea7c5d8',
    companyName: 'Wide World Importers',
    defaultDomain: 'wideworldimporters.onmicrosoft.com',
    agreementOnFile: true,
    acceptedDirectly: true,
    country: 'GB',
  },
  { id: 'cst-6f0b8e14', companyName: 'Woodgrove Bank', defaultDomain: 'woodgrovebank.onmicrosoft.com', agreementOnFile: true, country: 'AU' },
];

/** Tenants Microsoft knows that are not yet this reseller's customers (keys are lower-case default domains). */
export const knownTenants: Readonly<Record<string, { companyName: string; tenantId: string }>> = {
  'fabrikam.onmicrosoft.com': { companyName: 'Fabrikam, Inc.', tenantId: '4c8b1f0e-2d7a-4e3b-9f61-5a0c2e8d7b93' },
};

/** The reseller itself, the recipient of internal-use orders. */
export const reseller = { companyName: 'Northwind IT', domain: 'northwindit.onmicrosoft.com' };

export function currentAgreement(mode: Agreement['mode']): Agreement {
  return {
    templateId: '117a15a0-5a13-4e8d-b9c6-3b1c6c0e5b2f',
    version: '2025-01',
    url: 'https://www.microsoft.com/licensing/docs/customeragreement',
    mode,
  };
}

/** Microsoft Entra built-in roles by name, with their role template ids. */
const role = {
  globalAdministrator: { id: '62e90394-69f5-4237-9190-012177145e10', name: 'Global Administrator' },
  globalReader: { id: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451', name: 'Global Reader' },
  directoryReaders: { id: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b', name: 'Directory Readers' },
  directoryWriters: { id: '9360feb5-f418-4baa-8175-e2a00bac4301', name: 'Directory Writers' },
  licenseAdministrator: { id: '4d6ac14f-3453-41d0-bef9-a3e0c569773a', name: 'License Administrator' },
  serviceSupportAdministrator: { id: 'f023fd81-a637-4b56-95fd-791ac0226033', name: 'Service Support Administrator' },
  userAdministrator: { id: 'fe930be7-5e62-47db-91af-98c3a49a38b1', name: 'User Administrator' },
  privilegedRoleAdministrator: { id: 'e8611ab8-c189-46e8-94e1-60213ab1f814', name: 'Privileged Role Administrator' },
  helpdeskAdministrator: { id: '729827e3-9c14-49f7-bb1b-9608f156bbb8', name: 'Helpdesk Administrator' },
  privilegedAuthenticationAdministrator: { id: '7be44c8a-adaf-4e2a-84d6-ab2649e08a13', name: 'Privileged Authentication Administrator' },
  exchangeAdministrator: { id: '29232cdf-9323-42fd-ade2-1d097af3e4de', name: 'Exchange Administrator' },
  sharePointAdministrator: { id: 'f28a1f50-f6e7-4571-818b-6a12f2af6b6c', name: 'SharePoint Administrator' },
  teamsAdministrator: { id: '69091246-20e8-4a56-aa4d-066075b2a7a8', name: 'Teams Administrator' },
  securityAdministrator: { id: '194ae4cb-b126-40b2-bd5b-6091b380977d', name: 'Security Administrator' },
} satisfies Record<string, AdminRole>;

/** The GDAP roles Partner Center gives a tenant it creates for an indirect reseller, unless opted out. */
export const defaultAdminRoles: readonly AdminRole[] = [
  role.directoryReaders,
  role.directoryWriters,
  role.licenseAdministrator,
  role.serviceSupportAdministrator,
  role.userAdministrator,
  role.privilegedRoleAdministrator,
  role.helpdeskAdministrator,
  role.privilegedAuthenticationAdministrator,
  role.globalReader,
];

/** The reseller's GDAP role templates for existing tenants. */
export const roleTemplates: readonly RoleTemplate[] = [
  {
    id: 'helpdesk',
    name: 'Helpdesk and licences',
    description: 'Reset passwords, manage users and assign licences. Read everything else.',
    roles: [role.helpdeskAdministrator, role.userAdministrator, role.licenseAdministrator, role.globalReader],
    includesGlobalAdministrator: false,
  },
  {
    id: 'workloads',
    name: 'Microsoft 365 workloads',
    description: 'Administer Exchange Online, SharePoint and Teams, and open support requests.',
    roles: [role.exchangeAdministrator, role.sharePointAdministrator, role.teamsAdministrator, role.serviceSupportAdministrator],
    includesGlobalAdministrator: false,
  },
  {
    id: 'security',
    name: 'Security operations',
    description: 'Manage security settings and investigate alerts; read the directory.',
    roles: [role.securityAdministrator, role.globalReader],
    includesGlobalAdministrator: false,
  },
  {
    id: 'read-only',
    name: 'Read only',
    description: 'See settings and reports without changing anything.',
    roles: [role.globalReader, role.directoryReaders],
    includesGlobalAdministrator: false,
  },
  {
    id: 'full',
    name: 'Full administration',
    description: 'Every setting of the tenant. Cannot auto-extend; grant it for as short a time as you can.',
    roles: [role.globalAdministrator],
    includesGlobalAdministrator: true,
  },
];

/** Countries whose addresses need a state or province. */
export const COUNTRIES_WITH_STATES: ReadonlySet<string> = new Set(['US', 'CA', 'AU']);
