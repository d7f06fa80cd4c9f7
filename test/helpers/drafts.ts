/** Form values tests start from: a company every validator accepts. */
import { emptyCompany, type CompanyDraft } from '../../src/checkout/validate.js';

export const validCompany: CompanyDraft = {
  ...emptyCompany,
  companyName: 'Fabrikam, Inc.',
  country: 'US',
  line1: '1 Microsoft Way',
  city: 'Redmond',
  state: 'WA',
  postalCode: '98052',
  firstName: 'Dana',
  lastName: 'Smith',
  email: 'dana@fabrikam.com',
};
