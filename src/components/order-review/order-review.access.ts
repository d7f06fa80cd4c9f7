/**
 * The review's rows for the Microsoft Customer Agreement acceptance and the admin access
 * (GDAP) the order asks for: what will happen, in words.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { AdminAccessSummary, AgreementSummary } from '../../checkout/machine.js';
import { acceptanceDone, todayIso } from '../../checkout/validate.js';
import { formatDate } from '../../i18n/format.js';
import { format, lookup, type StringTable } from '../../i18n/strings.js';
import { adminAccessStrings } from '../tenant-domain/admin-access.strings.js';
import { formatIsolated } from '../shared/form.js';

type Text = (key: string, values?: Record<string, string | number>) => string;
type Row = (label: string, value: string | Array<string | TemplateResult>, edit?: TemplateResult) => TemplateResult;

/** The agreement row: accepted, or the order will wait for (or, where required first, needs) the signatory. */
export function agreementRow(t: Text, locale: string | undefined, summary: AgreementSummary | undefined, row: Row, edit: TemplateResult): TemplateResult | typeof nothing {
  if (!summary) return nothing;
  const { acceptance } = summary;
  const name = acceptance.signatory ? `${acceptance.signatory.firstName} ${acceptance.signatory.lastName}` : '';
  // The day it was accepted, in the reseller's time zone.
  const date = acceptance.acceptedAt ? formatDate(todayIso(new Date(acceptance.acceptedAt)), locale) : '';
  const key = acceptanceDone(acceptance) ? (date ? 'review.agreement.acceptedOn' : 'review.agreement.accepted') : 'review.agreement.pending';
  return row(t('review.agreement'), formatIsolated(t(key), { name, date }), edit);
}

/** The admin-access row, when the order asks for any. */
export function adminAccessRow(overrides: StringTable | undefined, summary: AdminAccessSummary | undefined, row: Row): TemplateResult | typeof nothing {
  if (!summary) return nothing;
  const t = (key: keyof typeof adminAccessStrings, values?: Record<string, string | number>) => lookup(adminAccessStrings, overrides, key, values);
  const roles = summary.roles.map((r) => r.name).join(', ');
  let text: string;
  if (summary.kind === 'default-roles') text = summary.granted ? t('access.review.default', { roles }) : t('access.review.optedOut');
  else {
    const { request } = summary;
    text = format(t('access.review.request'), {
      template: summary.templateName,
      days: request.duration.slice(1, -1),
      extend: request.autoExtend ? t('access.review.extend') : '',
    });
  }
  return row(t('access.heading'), text, html``);
}
