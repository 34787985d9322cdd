import { describe, expect, it } from 'vitest';
import { explain } from './needs.matching.js';

const NEED = '基站授时的原子钟\n卫星信号被遮挡时，我们的通信基站时间同步会漂移，需要小型原子钟保持授时。';
const CLOCK =
  '芯片级原子钟 Chip-scale atomic clock 通信基站、电网同步和无人设备依赖卫星授时，信号受干扰或遮挡时时间基准迅速漂移。' +
  ' Base stations, grid synchronisation and unmanned systems rely on satellite timing and drift when the signal is blocked.';
const han = /\p{Script=Han}/u;

describe('match reasons', () => {
  it('show no single Chinese character, though the texts share 遮, 挡 and 钟', () => {
    const r = explain(NEED, [], CLOCK, []);
    for (const t of [...r.needTerms, ...r.matchTerms])
      if (han.test(t)) expect([...t].length, t).toBeGreaterThan(1);
    expect(r.needTerms).not.toEqual(expect.arrayContaining(['挡']));
    // Words both sides write remain, and the glossary's terms as each side writes them.
    expect(r.needTerms).toEqual(expect.arrayContaining(['基站', '授时', '原子钟', '漂移']));
    expect(r.matchTerms).toEqual(
      expect.arrayContaining(['Base stations', 'Chip-scale atomic clock', '芯片级原子钟']),
    );
  });

  it('meet 原子钟 and "atomic clock" across languages through the glossary', () => {
    expect(explain('需要小型原子钟保持授时', [], 'A chip scale atomic clock for holdover', [])).toMatchObject(
      {
        needTerms: ['原子钟'],
        matchTerms: ['chip scale atomic clock'],
      },
    );
    expect(
      explain('Our base stations need an atomic clock', [], '芯片级原子钟，用于通信基站', []),
    ).toMatchObject({
      needTerms: expect.arrayContaining(['atomic clock', 'base stations']),
      matchTerms: expect.arrayContaining(['芯片级原子钟', '基站']),
    });
  });
});
