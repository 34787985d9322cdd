import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { pdfText } from '../server/files/pdf-text.fixtures.js';

/**
 * Clicks a button that fetches a PDF and saves it, as a person would, and answers the saved file's name
 * and text (one line per text run, `server/files/pdf-text.fixtures.ts`). Fails unless the server answered
 * 200 with application/pdf and the saved file is a PDF.
 */
export async function downloadPdf(
  page: Page,
  button: Locator,
  url: RegExp,
): Promise<{ fileName: string; text: string }> {
  const answered = page.waitForResponse((r) => url.test(new URL(r.url()).pathname));
  const download = page.waitForEvent('download');
  await button.click();
  const res = await answered;
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/pdf');
  const file = await download;
  const body = await readFile((await file.path())!);
  expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return { fileName: file.suggestedFilename(), text: pdfText(body).join('\n') };
}
