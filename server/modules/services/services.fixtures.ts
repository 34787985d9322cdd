import type { Ctx } from '../../http/context.js';
import type { ServiceInput } from './services.schema.js';
import { createService, setServiceState } from './services.service.js';

/** A calibration service of a unit, priced per sample (test data). */
export const serviceInput = (unitId: string, o: Partial<ServiceInput> = {}): ServiceInput => ({
  unitId,
  kind: 'calibration',
  nameZh: '砝码校准',
  nameEn: 'Mass standard calibration',
  descriptionZh: '依据国家计量检定规程对砝码进行校准，出具校准证书。',
  descriptionEn: 'Calibration of mass standards with a certificate traceable to the SI kilogram.',
  fieldIds: [],
  methodStandard: 'JJG 99-2022',
  accreditations: [{ body: 'CNAS', number: 'L0001' }],
  priceRule: 'per_sample',
  priceMinor: 80_000,
  currency: 'CNY',
  turnaroundDays: 10,
  capacityPerMonth: 20,
  ...o,
});

/** A published service of the unit, made through the service layer. */
export async function buildPublishedService(
  ctx: Ctx,
  platformId: string,
  unitId: string,
  o: Partial<ServiceInput> = {},
) {
  const s = await createService(ctx, platformId, serviceInput(unitId, o));
  return setServiceState(ctx, s.id, 'published');
}
