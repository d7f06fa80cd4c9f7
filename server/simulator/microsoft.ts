/**
 * The simulator's part of Microsoft beyond Partner Center's customers and orders: agreement
 * acceptance requests and their page with an Accept button, GDAP relationships (Microsoft
 * Graph) and the admin center's page with an Approve button.
 */
import { escape, html, pcError, type Answer } from './http.js';

/** How long an acceptance link works: seven days, like Microsoft's. */
const LINK_MS = 7 * 86_400_000;

interface SimAcceptance {
  id: string;
  token: string;
  signatory: { firstName?: string; lastName?: string; email?: string };
  company: { companyName?: string; country?: string; culture?: string };
  expiresAt: number;
  acceptedAt?: number;
}

interface SimRelationship {
  id: string;
  displayName: string;
  customerTenantId: string;
  roleIds: string[];
  duration: string;
  autoExtendDuration: string;
  status: 'created' | 'approvalPending' | 'active';
}

export interface MicrosoftContext {
  url(): string;
  /** Answers a POST seen before (same MS-RequestId) with its first answer. */
  once(requestId: string | undefined, make: () => Answer): Answer;
  tenantById(tenantId: string): { companyName: string } | undefined;
  /** Whether the partner created this tenant itself (Microsoft grants its default roles). */
  createdByPartner(tenantId: string): boolean;
}

export function createMicrosoft(ctx: MicrosoftContext) {
  const acceptances = new Map<string, SimAcceptance>();
  const acceptanceTokens = new Map<string, string>();
  const relationships = new Map<string, SimRelationship>();

  function acceptanceJson(a: SimAcceptance) {
    return {
      id: a.id,
      agreementType: 'MicrosoftCustomerAgreement',
      status: a.acceptedAt !== undefined ? 'accepted' : 'pending',
      acceptanceUrl: `${ctx.url()}/microsoft/customer-agreement/${a.token}`,
      expiresAt: new Date(a.expiresAt).toISOString(),
      ...(a.acceptedAt !== undefined ? { acceptedAt: new Date(a.acceptedAt).toISOString() } : {}),
      signatory: a.signatory,
      company: a.company,
    };
  }

  function newToken(a: SimAcceptance, expiresAt: number) {
    acceptanceTokens.delete(a.token);
    a.token = crypto.randomUUID().replace(/-/g, '');
    a.expiresAt = expiresAt;
    acceptanceTokens.set(a.token, a.id);
  }

  function acceptanceRequest(method: string, id: string | undefined, action: string | undefined, body: unknown, requestId: string | undefined): Answer {
    if (!id && method === 'POST') {
      return ctx.once(requestId, () => {
        const request = body as { signatory?: SimAcceptance['signatory']; company?: SimAcceptance['company'] };
        if (!request.signatory?.email || !request.company?.companyName) return pcError(400, '3000', 'Invalid property: the signatory and the company are required.');
        const a: SimAcceptance = { id: crypto.randomUUID(), token: '', signatory: request.signatory, company: request.company, expiresAt: 0 };
        // Test value, as in the mock: "Expired" companies and expired@ signatories get a dead link.
        const expired = String(request.company.companyName).includes('Expired') || String(request.signatory.email).toLowerCase().startsWith('expired@');
        newToken(a, expired ? Date.now() - 60_000 : Date.now() + LINK_MS);
        acceptances.set(a.id, a);
        return { status: 201, body: acceptanceJson(a) };
      });
    }
    const a = id ? acceptances.get(id) : undefined;
    if (!a) return pcError(404, '1000', 'The acceptance request was not found.');
    if (!action && method === 'GET') return { status: 200, body: acceptanceJson(a) };
    if (action === 'link' && method === 'POST') {
      if (a.acceptedAt !== undefined) return pcError(409, '600061', 'The customer already accepted the agreement.');
      newToken(a, Date.now() + LINK_MS);
      return { status: 200, body: acceptanceJson(a) };
    }
    return pcError(405, '0', 'Method not allowed.');
  }

  function gdap(method: string, id: string | undefined, action: string | undefined, body: unknown, requestId: string | undefined): Answer {
    if (!id && method === 'POST') {
      return ctx.once(requestId, () => {
        const request = body as { displayName?: string; duration?: string; customer?: { tenantId?: string }; accessDetails?: { unifiedRoles?: Array<{ roleDefinitionId?: string }> }; autoExtendDuration?: string };
        const roleIds = (request.accessDetails?.unifiedRoles ?? []).map((r) => String(r.roleDefinitionId));
        if (!request.displayName || !request.customer?.tenantId || !roleIds.length || !/^P\d+D$/.test(String(request.duration))) {
          return { status: 400, body: { error: { code: 'badRequest', message: 'displayName, duration, customer and roles are required.' } } };
        }
        if ([...relationships.values()].some((r) => r.displayName === request.displayName)) {
          return { status: 409, body: { error: { code: 'conflict', message: 'A relationship with this display name exists.' } } };
        }
        const relationship: SimRelationship = {
          id: `${crypto.randomUUID()}-${crypto.randomUUID()}`,
          displayName: request.displayName,
          customerTenantId: request.customer.tenantId,
          roleIds,
          duration: String(request.duration),
          autoExtendDuration: String(request.autoExtendDuration ?? 'PT0S'),
          status: 'created',
        };
        relationships.set(relationship.id, relationship);
        return { status: 201, body: relationshipJson(relationship) };
      });
    }
    const relationship = id ? relationships.get(id) : undefined;
    if (!relationship) return { status: 404, body: { error: { code: 'notFound', message: 'The relationship was not found.' } } };
    if (!action && method === 'GET') return { status: 200, body: relationshipJson(relationship) };
    if (action === 'requests' && method === 'POST') {
      if ((body as { action?: string }).action === 'lockForApproval' && relationship.status === 'created') {
        // Microsoft grants the default roles of a tenant the partner created itself; anyone else approves.
        relationship.status = ctx.createdByPartner(relationship.customerTenantId) ? 'active' : 'approvalPending';
      }
      return { status: 201, body: { id: crypto.randomUUID(), action: 'lockForApproval', status: 'succeeded' } };
    }
    return { status: 405, body: { error: { code: 'methodNotAllowed', message: 'Method not allowed.' } } };
  }

  function relationshipJson(r: SimRelationship) {
    return {
      id: r.id,
      displayName: r.displayName,
      duration: r.duration,
      customer: { tenantId: r.customerTenantId },
      accessDetails: { unifiedRoles: r.roleIds.map((roleDefinitionId) => ({ roleDefinitionId })) },
      autoExtendDuration: r.autoExtendDuration,
      status: r.status,
    };
  }

  /** Microsoft's pages, played by the simulator: the agreement's Accept, the admin center's Approve. */
  function page(method: string, path: string, query: URLSearchParams): Answer | undefined {
    const agreement = /^\/microsoft\/customer-agreement\/([a-f0-9]+)$/.exec(path);
    if (agreement) {
      const id = acceptanceTokens.get(agreement[1]!);
      const a = id ? acceptances.get(id) : undefined;
      if (!a) return html(404, 'Microsoft Customer Agreement — simulator', '<p>This link is not valid, or a newer link replaced it.</p>');
      if (a.acceptedAt === undefined && Date.now() >= a.expiresAt) return html(410, 'Microsoft Customer Agreement — simulator', '<p>This link has expired. Ask for a new one.</p>');
      if (method === 'POST') {
        a.acceptedAt ??= Date.now();
        return html(200, 'Thank you', `<p>${escape(a.company.companyName)} accepted the Microsoft Customer Agreement.</p>`);
      }
      return html(
        200,
        'Microsoft Customer Agreement — simulator',
        `<p>Company: ${escape(a.company.companyName)} (${escape(a.company.country)})</p><p>Signatory: ${escape(a.signatory.firstName)} ${escape(a.signatory.lastName)}, ${escape(a.signatory.email)}</p>` +
          (a.acceptedAt !== undefined ? '<p>Accepted.</p>' : '<form method="post"><button type="submit">Accept</button></form>'),
      );
    }
    if (path === '/admin-center/AdminPortal/Home') {
      const relationship = relationships.get(query.get('granularAdminRelationship') ?? '');
      if (!relationship) return html(404, 'Admin relationship — simulator', '<p>No such admin relationship request.</p>');
      if (method === 'POST' && relationship.status === 'approvalPending') relationship.status = 'active';
      const customer = ctx.tenantById(relationship.customerTenantId);
      return html(
        200,
        method === 'POST' ? 'Admin access approved' : 'Approve admin access — simulator',
        `<p>${escape(customer?.companyName ?? relationship.customerTenantId)}: ${relationship.roleIds.length} roles for ${escape(relationship.duration)}.</p>` +
          (relationship.status === 'approvalPending' ? '<form method="post"><button type="submit">Approve</button></form>' : `<p>Status: ${relationship.status}</p>`),
      );
    }
    return undefined;
  }

  return { acceptanceRequest, gdap, page };
}
