/**
 * The pages the mock serves in Microsoft's place, so a person (or a test) can act on the links
 * the checkout shows: the Microsoft Customer Agreement acceptance page
 * (`/microsoft/customer-agreement/{token}`) and the Microsoft 365 admin center's GDAP approval
 * (`/microsoft/admin-relationships/{id}`). Plain HTML; a form POST accepts or approves, then a
 * "thank you" page. Everything the reseller typed is escaped.
 */
import { currentAgreement, reseller } from '../data.js';
import type { Route } from '../router.js';
import type { AcceptanceRecord, ApprovalRecord, MockState } from '../state.js';
import { accept, acceptanceStatus } from './agreement-acceptances.js';
import { approvalStatus, approve } from './admin-access.js';

export function microsoftPageRoutes(state: MockState): Route[] {
  const agreement = (method: 'GET' | 'POST') => ({ params }: { params: Record<string, string> }) => agreementPage(state, params.token!, method);
  const approval = (method: 'GET' | 'POST') => ({ params }: { params: Record<string, string> }) => approvalPage(state, params.id!, method);
  return [
    { path: '/microsoft/customer-agreement/{token}', methods: { GET: agreement('GET'), POST: agreement('POST') } },
    { path: '/microsoft/admin-relationships/{id}', methods: { GET: approval('GET'), POST: approval('POST') } },
  ];
}

const AGREEMENT_TITLE = 'Microsoft Customer Agreement — mock';
const APPROVAL_TITLE = 'Approve admin access — Microsoft 365 admin center mock';

function agreementPage(state: MockState, token: string, method: 'GET' | 'POST'): Response {
  const id = state.acceptanceLinks.get(token);
  const record = id === undefined ? undefined : state.acceptances.get(id);
  if (!record) return page(404, AGREEMENT_TITLE, '<p>This link is not valid. Ask your reseller for a new one.</p>');
  if (record.token !== token) {
    return page(410, AGREEMENT_TITLE, '<p>This link was replaced by a newer one. Use the latest link your reseller sent you.</p>');
  }
  const who = `${record.signatory.firstName} ${record.signatory.lastName}`;
  const status = acceptanceStatus(state, record);
  if (status === 'link-expired') {
    return page(410, AGREEMENT_TITLE, `<p>This link expired on ${escapeHtml(dateTime(record.expiresAt))}. Ask your reseller for a new one.</p>`);
  }
  if (method === 'POST' || status !== 'link-generated') {
    accept(state, record);
    return page(
      200,
      'Thank you',
      `<p>${escapeHtml(who)}, you accepted the Microsoft Customer Agreement for ${escapeHtml(record.company.name)} ` +
        `on ${escapeHtml(dateTime(record.acceptedAt!))}.</p><p>You can close this page: your reseller sees it at once.</p>`,
    );
  }
  return page(200, AGREEMENT_TITLE, agreementBody(record, who));
}

function agreementBody(record: AcceptanceRecord, who: string): string {
  const { company, signatory } = record;
  return `<p>${escapeHtml(reseller.companyName)} asks ${escapeHtml(company.name)} to accept the Microsoft Customer Agreement.</p>
<dl>
<dt>Company</dt><dd>${escapeHtml(company.name)}</dd>
<dt>Country</dt><dd>${escapeHtml(company.country)}</dd>
<dt>Signatory</dt><dd>${escapeHtml(who)}</dd>
<dt>Email</dt><dd>${escapeHtml(signatory.email)}</dd>
</dl>
<p><a href="${escapeHtml(currentAgreement('attest').url)}">Read the Microsoft Customer Agreement</a></p>
<p>By selecting Accept, you confirm that you may accept this agreement for ${escapeHtml(company.name)}.</p>
<form method="post"><button type="submit" name="decision" value="accept">Accept</button></form>
<p class="small">This link works until ${escapeHtml(dateTime(record.expiresAt))}.</p>`;
}

function approvalPage(state: MockState, id: string, method: 'GET' | 'POST'): Response {
  const approval = state.approvals.get(id);
  if (!approval) return page(404, APPROVAL_TITLE, '<p>This link is not valid. Ask your reseller for a new one.</p>');
  const status = approvalStatus(approval);
  if (status === 'expired' && approval.approvedAt === undefined) {
    return page(410, APPROVAL_TITLE, '<p>This request expired unapproved. Ask your reseller for a new one.</p>');
  }
  if (method === 'POST' || status !== 'approval-pending') {
    approve(state, approval);
    return page(
      200,
      'Admin access approved',
      `<p>${escapeHtml(reseller.companyName)} now has ${escapeHtml(approval.template.name)} access to ${escapeHtml(approval.companyName)} ` +
        `for ${approval.days} days.</p><p>You can close this page.</p>`,
    );
  }
  return page(200, APPROVAL_TITLE, approvalBody(approval));
}

function approvalBody(approval: ApprovalRecord): string {
  const roles = approval.template.roles.map((r) => `<li>${escapeHtml(r.name)}</li>`).join('');
  return `<p>${escapeHtml(reseller.companyName)} asks a Global Administrator of ${escapeHtml(approval.companyName)} for admin access (GDAP).
This is not the reseller relationship.</p>
<dl>
<dt>Customer</dt><dd>${escapeHtml(approval.companyName)}</dd>
<dt>Template</dt><dd>${escapeHtml(approval.template.name)}</dd>
<dt>Duration</dt><dd>${approval.days} days</dd>
<dt>Auto-extend</dt><dd>${approval.autoExtend ? 'Yes, by 180 days at a time' : 'No'}</dd>
</dl>
<h2>Roles</h2>
<ul>${roles}</ul>
<form method="post"><button type="submit" name="decision" value="approve">Approve</button></form>`;
}

/** A whole page; `body` is HTML whose every interpolated value was escaped. */
function page(status: number, title: string, body: string): Response {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
.mock { background: #fff4ce; padding: .5rem .75rem; border-radius: 4px; }
dt { font-weight: 600; } dd { margin: 0 0 .5rem; }
button { font: inherit; padding: .5rem 1.5rem; background: #0f6cbd; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
.small { font-size: .875rem; color: #555; }
</style>
</head>
<body>
<p class="mock">A mock page served by the license-checkout mock backend, standing in for Microsoft's.</p>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>
`;
  return new Response(html, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      // Nothing on these pages runs script; what a reseller typed could not, even if unescaped.
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'self'",
    },
  });
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function dateTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
