import { describe, expect, it } from 'vitest';
import { contentDisposition } from './download.js';

/** The parameters of a Content-Disposition value, as a strict reader splits them. */
function params(header: string): { type: string; filename: string; filenameStar: string } {
  const m = /^attachment; filename="([^"\\]*)"; filename\*=UTF-8''([A-Za-z0-9!#$&+\-.^_`|~%]+)$/.exec(header);
  if (!m) throw new Error(`not a safe RFC 6266 header: ${header}`);
  return { type: 'attachment', filename: m[1] as string, filenameStar: decodeURIComponent(m[2] as string) };
}

describe('contentDisposition (RFC 6266, ASVS 5.4.2)', () => {
  it('gives an ASCII fallback and the exact UTF-8 name of a plain name', () => {
    expect(contentDisposition('organisations-2026-06-01.csv')).toBe(
      `attachment; filename="organisations-2026-06-01.csv"; filename*=UTF-8''organisations-2026-06-01.csv`,
    );
  });

  it('encodes quotes, semicolons, Chinese, CRLF and path parts so none reaches the header raw', () => {
    const hostile = '../..\\evil"; filename="x.exe\r\nSet-Cookie: a=b;申报书 (终稿).pdf';
    const h = contentDisposition(hostile);
    expect(h).not.toMatch(/[\r\n]/);
    expect(h).not.toContain('../');
    expect(h).not.toContain('\\');
    const p = params(h);
    expect(p.filenameStar).toBe('evil"; filename="x.exeSet-Cookie: a=b;申报书 (终稿).pdf');
    expect(p.filename).toBe('evil__ filename=_x.exeSet-Cookie: a=b____ (__).pdf');
  });

  it('keeps the name of a Chinese file exact in filename* and readable in the fallback', () => {
    const p = params(contentDisposition('申报书.pdf'));
    expect(p.filenameStar).toBe('申报书.pdf');
    expect(p.filename).toBe('___.pdf');
  });

  it("percent-encodes the characters RFC 8187 leaves out of attr-char (' ( ) * space)", () => {
    expect(contentDisposition("a'b(c)*d e.txt")).toContain("filename*=UTF-8''a%27b%28c%29%2Ad%20e.txt");
  });

  it('names a file that is only dots, slashes or control characters "download"', () => {
    for (const name of ['', '..', '../', '\r\n', ' . ']) {
      expect(params(contentDisposition(name))).toMatchObject({
        filename: 'download',
        filenameStar: 'download',
      });
    }
  });
});
