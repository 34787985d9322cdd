import type { Ctx } from '../../http/context.js';
import type { InstrumentInput } from './instruments.schema.js';
import { createInstrument, setInstrumentState } from './instruments.service.js';

/** A transmission electron microscope of a unit, open 08:00–20:00 UTC, at most 4 hours a booking (test data). */
export const instrumentInput = (unitId: string, o: Partial<InstrumentInput> = {}): InstrumentInput => ({
  unitId,
  nameZh: '透射电子显微镜',
  nameEn: 'Transmission electron microscope',
  model: 'Titan Themis 300',
  valueMinor: 2_500_000_000,
  currency: 'CNY',
  location: '材料楼 B105',
  fieldIds: [],
  openHour: 8,
  closeHour: 20,
  enterpriseSharePercent: 25,
  hourlyRateMinor: 120_000,
  maxBookingHours: 4,
  ...o,
});

/** A published instrument of the unit, made through the service layer. */
export async function buildPublishedInstrument(
  ctx: Ctx,
  platformId: string,
  unitId: string,
  o: Partial<InstrumentInput> = {},
) {
  const i = await createInstrument(ctx, platformId, instrumentInput(unitId, o));
  return setInstrumentState(ctx, i.id, 'published');
}
