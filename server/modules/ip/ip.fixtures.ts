import type { Ctx } from '../../http/context.js';
import type { CreateAgreementInput } from '../agreements/agreements.schema.js';
import { createAgreement } from '../agreements/agreements.service.js';
import { buildOrg } from '../orgs/orgs.fixtures.js';
import { createDisclosure } from './ip.disclosures.js';
import { createFiling } from './ip.filings.js';
import type { CreateDisclosureInput, CreateFilingInput } from './ip.schema.js';

let seq = 0;
const next = () => `${Date.now().toString(36)}-${++seq}`;

/** Test data: a disclosure with two inventors (60/40). */
export async function buildDisclosure(
  ctx: Ctx,
  platformId: string,
  overrides: Partial<CreateDisclosureInput> = {},
) {
  return createDisclosure(ctx, platformId, {
    refNo: `D-${next()}`,
    title: 'Optical frequency comb calibration',
    ipKind: 'patentable',
    receivedDate: '2012-03-01',
    inventors: [
      { name: 'Ada Inventor', sharePct: 60 },
      { name: 'Bo Inventor', sharePct: 40 },
    ],
    ...overrides,
  });
}

export async function buildFiling(
  ctx: Ctx,
  disclosureId: string,
  overrides: Partial<CreateFilingInput> = {},
) {
  return createFiling(ctx, disclosureId, {
    jurisdiction: 'US',
    filingType: 'utility',
    filingDate: '2012-09-01',
    ...overrides,
  });
}

/** Test data: an exclusive invention licence to a new SME, executed 2012-06-01. */
export async function buildLicence(
  ctx: Ctx,
  platformId: string,
  overrides: Partial<CreateAgreementInput> = {},
) {
  const partner = overrides.partnerOrgId ?? (await buildOrg(ctx)).id;
  return createAgreement(ctx, platformId, {
    refNo: `L-${next()}`,
    title: 'Licence',
    kind: 'licence',
    licenceKind: 'invention',
    exclusivity: 'exclusive',
    partnerOrgId: partner,
    requestDate: '2012-01-15',
    executionDate: '2012-06-01',
    currency: 'USD',
    ip: [],
    ...overrides,
  });
}
