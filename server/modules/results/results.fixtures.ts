import type { Ctx } from '../../http/context.js';
import type { CreateResultInput } from './results.schema.js';
import { changeResultState, createResult } from './results.service.js';

/** A valid technology listing on a platform; override any field. */
export const technologyBody = (
  platformId: string,
  o: Partial<CreateResultInput> = {},
): CreateResultInput => ({
  platformId,
  type: 'technology',
  titleZh: '基于约瑟夫森结的可编程电压基准',
  titleEn: 'Programmable Josephson voltage standard',
  summaryZh: '用超导约瑟夫森结阵列产生可编程的量子电压，实现电压量值的直接复现。',
  summaryEn: 'A superconducting Josephson junction array generates programmable quantum voltages.',
  trl: 6,
  visibility: 'public',
  problemZh: '传统齐纳参考源会随时间漂移，需要频繁送检。',
  advantageEn: 'No drift: the voltage follows from a frequency and fundamental constants.',
  applicationsZh: '计量院所、半导体测试设备校准',
  licenceTypes: ['non_exclusive', 'exclusive'],
  licenceKinds: ['invention'],
  ...o,
});

/** A publication (no technology-listing fields). */
export const publicationBody = (
  platformId: string,
  o: Partial<CreateResultInput> = {},
): CreateResultInput => ({
  platformId,
  type: 'publication',
  titleZh: '光纤激光校准方法',
  titleEn: 'Laser-based calibrations of optical fibres',
  summaryZh: '介绍光纤功率计的校准链。',
  summaryEn: 'Describes the calibration chain of optical fibre power meters.',
  visibility: 'public',
  year: 2014,
  ...o,
});

/** Creates a result as the given context (a system context by default) and optionally publishes it. */
export async function makeResult(ctx: Ctx, body: CreateResultInput, publish = true) {
  const r = await createResult(ctx, body);
  return publish ? changeResultState(ctx, r.id, 'publish') : r;
}
