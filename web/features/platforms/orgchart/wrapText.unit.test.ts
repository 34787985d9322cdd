import { describe, expect, it } from 'vitest';
import { textWidth, wrapText } from './wrapText.js';

describe('wrapping chart labels', () => {
  it('keeps a short name on one line', () => {
    expect(wrapText('Engineering Laboratory', 300, 13)).toEqual(['Engineering Laboratory']);
    expect(wrapText('工程实验室', 300, 13)).toEqual(['工程实验室']);
  });

  it('breaks long English names between words, every line within the width', () => {
    const lines = wrapText('National Institute of Standards and Technology', 266, 13);
    expect(lines).toHaveLength(2);
    expect(lines.join(' ')).toBe('National Institute of Standards and Technology');
    for (const l of lines) expect(textWidth(l, 13)).toBeLessThanOrEqual(266);
  });

  it('breaks Chinese between characters', () => {
    const lines = wrapText('美国国家标准与技术研究院信息科技实验室', 130, 13);
    expect(lines).toEqual(['美国国家标准与技术研', '究院信息科技实验室']);
  });

  it('ends what does not fit in two lines with an ellipsis', () => {
    const lines = wrapText('National Institute of Advanced Industrial Science and Technology', 160, 13);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
    for (const l of lines) expect(textWidth(l, 13)).toBeLessThanOrEqual(160);
  });
});
