import type { Ctx } from '../http/context.js';
import { liveFieldIdsByCode } from '../modules/fields/fields.lookup.js';
import { bookInstrument, decideBooking } from '../modules/instruments/instruments.bookings.js';
import type { InstrumentInput } from '../modules/instruments/instruments.schema.js';
import {
  createInstrument,
  listInstruments,
  setInstrumentState,
} from '../modules/instruments/instruments.service.js';
import { unitAuthorities } from '../modules/units/units.service.js';
import { loadActor } from '../modules/users/users.accounts.js';
import { findUserIdByUsername } from '../modules/users/users.service.js';

type Spec = Omit<InstrumentInput, 'unitId' | 'fieldIds' | 'currency'> & {
  unit: string;
  fields: string[];
  /** Bookings relative to today: day offset, first UTC hour, hours, and what becomes of it. */
  bookings: { day: number; hour: number; hours: number; purpose: string; decision?: 'approve' | 'reject' }[];
  /** A maintenance block the unit sets, as a day offset. */
  maintenanceDay?: number;
};

/**
 * Shared instruments (大型仪器共享) of NIST and of the Chinese demo platform: names, models and values
 * are illustrative (marked so in the names, as the demo's other invented records are). Open hours are
 * UTC: 13–21 is 08:00–16:00 in Maryland, 0–9 is 08:00–17:00 北京时间.
 */
const NIST_INSTRUMENTS: Spec[] = [
  {
    unit: 'NIST Center for Neutron Research',
    nameZh: '30 米小角中子散射仪（示例）',
    nameEn: '30 m small-angle neutron scattering instrument (illustrative)',
    model: 'NG-B 30m SANS',
    valueMinor: 1_200_000_000,
    location: 'Guide hall, building 235, Gaithersburg MD',
    fields: ['materials'],
    openHour: 13,
    closeHour: 21,
    enterpriseSharePercent: 30,
    hourlyRateMinor: 300_000,
    maxBookingHours: 8,
    bookings: [
      { day: -21, hour: 13, hours: 8, purpose: '聚合物复合材料的纳米结构表征（示例）', decision: 'approve' },
      { day: 9, hour: 13, hours: 4, purpose: '电池隔膜孔结构测量（示例）' },
    ],
    maintenanceDay: 3,
  },
  {
    unit: 'Material Measurement Laboratory',
    nameZh: '像差校正透射电子显微镜（示例）',
    nameEn: 'Aberration-corrected transmission electron microscope (illustrative)',
    model: 'Titan 80-300',
    valueMinor: 450_000_000,
    location: 'Advanced Measurement Laboratory, building 217, Gaithersburg MD',
    fields: ['materials', 'electronics'],
    openHour: 13,
    closeHour: 21,
    enterpriseSharePercent: 25,
    hourlyRateMinor: 45_000,
    maxBookingHours: 6,
    bookings: [
      { day: -7, hour: 14, hours: 3, purpose: '增材制造钛合金析出相观察（示例）', decision: 'approve' },
      { day: 5, hour: 15, hours: 2, purpose: '镍基合金晶界分析（示例）', decision: 'approve' },
    ],
  },
];

const CN_INSTRUMENTS: Spec[] = [
  {
    unit: 'Jinan Metrology and Testing Center',
    nameZh: '高精度三坐标测量机（示例）',
    nameEn: 'High-accuracy coordinate measuring machine (illustrative)',
    model: 'Global S 9.12.8',
    valueMinor: 280_000_000,
    location: '济南市历下区计量检测中心二号楼 101 室',
    fields: ['manufacturing'],
    openHour: 0,
    closeHour: 9,
    enterpriseSharePercent: 40,
    hourlyRateMinor: 60_000,
    maxBookingHours: 8,
    bookings: [
      { day: -14, hour: 1, hours: 4, purpose: '精密轴类零件首件检测（示例）', decision: 'approve' },
      { day: 2, hour: 1, hours: 3, purpose: '主轴箱体形位公差测量（示例）', decision: 'approve' },
      { day: 6, hour: 5, hours: 2, purpose: '量具比对（示例）' },
    ],
    maintenanceDay: 4,
  },
  {
    unit: 'Qingdao Materials Analysis Laboratory',
    nameZh: '场发射扫描电子显微镜（示例）',
    nameEn: 'Field-emission scanning electron microscope (illustrative)',
    model: 'Sigma 300',
    valueMinor: 350_000_000,
    location: '青岛市崂山区材料分析测试实验室 B 座 3 层',
    fields: ['materials'],
    openHour: 0,
    closeHour: 9,
    enterpriseSharePercent: 40,
    hourlyRateMinor: 80_000,
    maxBookingHours: 6,
    bookings: [
      { day: -5, hour: 2, hours: 2, purpose: '压铸件断口形貌分析（示例）', decision: 'approve' },
      { day: 8, hour: 2, hours: 3, purpose: '铝合金夹杂物能谱分析（示例）', decision: 'reject' },
    ],
  },
];

const DAY = 86_400_000;

/**
 * The demo's instruments, published, with the `enterprise` account's bookings in the past (approved)
 * and the future (approved, waiting and refused) and a maintenance block; through the module's
 * services with the clock set to the day each booking was made, so each step is audited like a real
 * one. Idempotent: nothing happens once the platform has an instrument.
 */
export async function seedDemoInstruments(ctx: Ctx, platformId: string, which: 'nist' | 'cn'): Promise<void> {
  if ((await listInstruments(ctx, platformId, { page: 1, pageSize: 1 }, false)).total > 0) return;
  const specs = which === 'nist' ? NIST_INSTRUMENTS : CN_INSTRUMENTS;
  const currency = which === 'nist' ? 'USD' : 'CNY';
  const units = await unitAuthorities(ctx.db, platformId);
  const fields = await liveFieldIdsByCode(ctx.db, [...new Set(specs.flatMap((s) => s.fields))]);
  const account = async (name: string) => {
    const id = await findUserIdByUsername(ctx.db, name);
    return id ? await loadActor(ctx.db, id, 'session', ['read', 'write']) : null;
  };
  const ent = await account('enterprise');
  // The unit's side is the demo's system admin, a named account: the module records who blocked or
  // decided, and the command line's actor has no account to name.
  const admin = await account('admin');
  if (!admin) return;
  // Midnight UTC of today: every booking falls on whole hours, the same ones on every run of a day.
  const today = Math.floor(ctx.clock.now().getTime() / DAY) * DAY;
  const at = (day: number, hour: number) => new Date(today + day * DAY + hour * 3_600_000).toISOString();
  // A booking is made a week before its day (the past ones too), decided the day after it was made.
  const madeOn = (day: number, plus = 0): Ctx => ({
    ...ctx,
    actor: admin,
    clock: { now: () => new Date(Math.min(ctx.clock.now().getTime(), today + (day - 7 + plus) * DAY)) },
  });
  for (const { unit, fields: codes, bookings, maintenanceDay, ...spec } of specs) {
    const u = units.find((x) => x.nameEn === unit);
    if (!u) continue;
    const fieldIds = codes.flatMap((c) => (fields.has(c) ? [fields.get(c)!] : []));
    const i = await createInstrument(ctx, platformId, { ...spec, unitId: u.id, fieldIds, currency });
    await setInstrumentState(ctx, i.id, 'published');
    if (maintenanceDay !== undefined)
      await bookInstrument(
        { ...ctx, actor: admin },
        i.id,
        {
          startsAt: at(maintenanceDay, spec.openHour),
          endsAt: at(maintenanceDay, spec.closeHour),
          purpose: '年度维护保养 Annual maintenance',
        },
        'maintenance',
      );
    if (!ent) continue;
    for (const b of bookings) {
      const booked = await bookInstrument(
        { ...madeOn(b.day), actor: ent },
        i.id,
        { startsAt: at(b.day, b.hour), endsAt: at(b.day, b.hour + b.hours), purpose: b.purpose },
        'booking',
      );
      if (b.decision === 'approve') await decideBooking(madeOn(b.day, 1), booked.id, { action: 'approve' });
      if (b.decision === 'reject')
        await decideBooking(madeOn(b.day, 1), booked.id, {
          action: 'reject',
          reason: '该时段已安排校准任务，请改约 The slot is needed for a calibration run',
        });
    }
  }
}
