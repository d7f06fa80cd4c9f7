/**
 * Default (English) text of admin access (GDAP): `<lc-admin-access>`, and its rows in the
 * review. Override any key through the element's `strings` or `<lc-checkout>.strings`.
 */
export const adminAccessStrings = {
  'access.heading': 'Admin access (GDAP)',
  'access.defaultIntro': 'The new tenant gives you these admin roles (granular delegated admin privileges), so you can look after it:',
  'access.optOut': 'Do not grant the default admin roles',
  'access.noOptOut': 'This store always grants them.',
  'access.requestIntro':
    'The reseller relationship gives you no admin roles in an existing tenant. Ask for them here: the customer’s Global Administrator approves the request at its own link, separate from the reseller relationship’s.',
  'access.request': 'Request admin access (GDAP)',
  'access.template': 'Role template',
  'access.chooseTemplate': 'Choose a template',
  'access.duration': 'Duration',
  /** `{count}`: days. */
  'access.days': '{count} days',
  'access.twoYears': '2 years (730 days)',
  'access.autoExtend': 'Extend automatically by 180 days at the end',
  'access.autoExtendGlobal': 'Not available with Global Administrator.',
  'access.roles': 'Roles: {roles}',
  'access.loading': 'Loading the admin roles…',
  'access.error.required': 'Choose a role template.',
  'access.error.auto-extend-global-admin': 'A request that includes Global Administrator cannot extend automatically.',
  /** Review rows. `{roles}`: the role names. */
  'access.review.default': 'Default admin roles for the new tenant: {roles}',
  'access.review.optedOut': 'No admin roles (opted out)',
  /** `{template}`, `{days}`, `{extend}`. */
  'access.review.request': 'Request “{template}” for {days} days{extend}; the customer’s Global Administrator approves it at a link after the order',
  'access.review.extend': ', extended automatically',
};

export type AdminAccessStrings = typeof adminAccessStrings;
