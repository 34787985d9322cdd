import { describe, expect, it } from 'vitest';
import type { AffinityExpert, AffinityItem } from './affinity.types.js';
import { fieldOverlap } from './field-overlap.js';
import { createBilingualModel, createTfidfWordModel } from './lexical-model.js';

// Texts written for these tests, not taken from the labelled bench set.
const windEn: AffinityExpert = {
  id: 'wind-en',
  expertise: 'Offshore wind turbine foundations, mooring systems and wave loads on floating platforms.',
  outputs: [
    { title: 'Fatigue of mooring lines for floating wind turbines', abstract: 'Wave and current loads.' },
  ],
  fields: ['energy.offshore_wind'],
};
const batteryZh: AffinityExpert = {
  id: 'battery-zh',
  expertise: '锂离子电池正极材料与电解液，电池管理系统。',
  outputs: [{ title: '高镍正极材料的循环稳定性', abstract: '研究电池容量衰减机理。' }],
  fields: ['energy'],
};
const printingEn: AffinityExpert = {
  id: 'print-en',
  expertise: 'Selective laser melting and other additive manufacturing of titanium alloys.',
  outputs: [],
  fields: ['manufacturing.3d_printing'],
};
const experts = [windEn, batteryZh, printingEn];
const windItemZh: AffinityItem = {
  id: 'wind-zh',
  title: '深远海漂浮式海上风机系泊缆疲劳分析',
  summary: '研究波浪与海流作用下漂浮式风机系泊系统的动力响应。',
  field: null,
};

describe('bilingual lexical model', () => {
  it('ranks the English-profile expert of the same field above an unrelated Chinese-profile expert for a Chinese item', () => {
    const model = createBilingualModel({ fieldBonus: 0 });
    model.prepare(experts);
    expect(model.score(windEn, windItemZh)).toBeGreaterThan(model.score(batteryZh, windItemZh) + 0.1);
  });

  it('finds the Chinese-profile expert for an English item', () => {
    const model = createBilingualModel({ fieldBonus: 0 });
    model.prepare(experts);
    const item: AffinityItem = {
      id: 'bat',
      title: 'Capacity fade of nickel-rich cathode materials',
      summary: 'Lithium-ion battery electrolyte additives.',
    };
    expect(model.score(batteryZh, item)).toBeGreaterThan(model.score(windEn, item));
    expect(model.score(batteryZh, item)).toBeGreaterThan(model.score(printingEn, item));
  });

  it('is something the plain word baseline cannot do', () => {
    const baseline = createTfidfWordModel();
    baseline.prepare(experts);
    expect(baseline.score(windEn, windItemZh)).toBe(0);
  });

  it('adds the configured field bonus: full for the same field or its parent, part for the same top field', () => {
    const model = createBilingualModel({ fieldBonus: 0.2, sameTopField: 0.5 });
    model.prepare(experts);
    const at = (field: string | null) => model.score(printingEn, { ...windItemZh, id: `f-${field}`, field });
    const none = at(null);
    expect(at('manufacturing.3d_printing') - none).toBeCloseTo(0.2, 12);
    expect(at('manufacturing') - none).toBeCloseTo(0.2, 12);
    expect(at('manufacturing.light_metal') - none).toBeCloseTo(0.1, 12);
    expect(at('bio.brain') - none).toBeCloseTo(0, 12);
  });

  it('keeps every score in [0, 1], including empty and one-sided texts', () => {
    const model = createBilingualModel();
    const empty: AffinityExpert = { id: 'empty', expertise: '', outputs: [], fields: ['energy'] };
    model.prepare([...experts, empty]);
    const items: AffinityItem[] = [
      windItemZh,
      { id: 'e', title: '', summary: '', field: 'energy' },
      {
        id: 'same',
        title: windEn.expertise,
        summary: windEn.outputs[0]!.title,
        field: 'energy.offshore_wind',
      },
    ];
    for (const e of [...experts, empty]) {
      for (const i of items) {
        const s = model.score(e, i);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }
    }
    // An item written from the expert's own texts: near the top of the scale (the score is the mean of
    // the expert's best documents, each matching part of it) and far above every other expert.
    expect(model.score(windEn, items[2]!)).toBeGreaterThan(0.8);
    for (const other of [batteryZh, printingEn, empty])
      expect(model.score(windEn, items[2]!)).toBeGreaterThan(model.score(other, items[2]!) + 0.5);
  });

  it('lets one output on the exact topic count even when the rest of a broad profile dilutes it', () => {
    const broad: AffinityExpert = {
      id: 'broad',
      expertise: 'Mechanical engineering.',
      outputs: [
        { title: 'Gear tooth wear in gearboxes', abstract: 'Lubrication and pitting of helical gears.' },
        { title: 'Heat pumps for district heating', abstract: 'Refrigerant cycles and compressors.' },
        { title: 'Vibration of railway bridges', abstract: 'Train-induced dynamic loads.' },
        { title: 'Mooring line fatigue of floating wind turbines', abstract: 'Semi-submersible platforms.' },
      ],
    };
    const item: AffinityItem = {
      id: 'm',
      title: 'Floating wind turbine mooring design',
      summary: 'Semi-submersible.',
    };
    const score = (docShare: number, topDocs: number) => {
      const model = createBilingualModel({ docShare, topDocs, fieldBonus: 0 });
      model.prepare([broad, ...experts]);
      return model.score(broad, item);
    };
    expect(score(0.5, 1)).toBeGreaterThan(score(0, 1) + 0.05);
    // Averaging several best documents (the default takes eight) weighs one on-topic output among
    // unrelated ones less: several outputs on a topic are stronger evidence than a single one.
    expect(score(0.5, 3)).toBeLessThan(score(0.5, 1));
  });

  it('is deterministic: fresh models and any scoring order give identical scores', () => {
    const run = (order: AffinityExpert[]) => {
      const model = createBilingualModel();
      model.prepare(experts);
      return new Map(order.map((e) => [e.id, model.score(e, { ...windItemZh })]));
    };
    expect(run([...experts].reverse())).toEqual(run(experts));
  });

  it('scores an expert that was not part of prepare() against the prepared corpus', () => {
    const model = createBilingualModel();
    model.prepare(experts);
    const late: AffinityExpert = { ...windEn, id: 'late' };
    expect(model.score(late, windItemZh)).toBeCloseTo(model.score(windEn, windItemZh), 12);
  });

  it('forgets the previous corpus when prepared again', () => {
    const model = createBilingualModel();
    model.prepare([windEn]);
    const before = model.score(windEn, windItemZh);
    model.prepare(experts);
    const fresh = createBilingualModel();
    fresh.prepare(experts);
    expect(model.score(windEn, windItemZh)).toBe(fresh.score(windEn, windItemZh));
    expect(model.score(windEn, windItemZh)).not.toBe(before);
  });
});

describe('fieldOverlap', () => {
  it('compares two-level field codes', () => {
    expect(fieldOverlap(['energy'], 'energy.solar_thermal')).toBe(1);
    expect(fieldOverlap(['energy.solar_thermal'], 'energy')).toBe(1);
    expect(fieldOverlap(['bio', 'energy.solar_thermal'], 'energy.offshore_wind', 0.4)).toBe(0.4);
    expect(fieldOverlap(['energyx'], 'energy')).toBe(0);
    expect(fieldOverlap([], 'energy')).toBe(0);
    expect(fieldOverlap(['energy'], null)).toBe(0);
  });
});
