import { describe, expect, it } from 'vitest';
import { contextWords, passwordProblem } from './password-policy.js';

describe('password policy (shared by server and web)', () => {
  it('derives the context words from the e-mail, the display name, the product and the deployment', () => {
    expect(
      contextWords({
        username: 'mlopez',
        email: 'Maria.Lopez+cl@Example.org',
        displayName: '洛佩斯 Maria',
        deploymentWords: ['ITL', 'NIST', '美国国家标准与技术研究院'],
      }).sort(),
    ).toEqual(
      [
        'maria.lopez+cl',
        'maria',
        'lopez',
        '洛佩斯 maria',
        '洛佩斯maria',
        '洛佩斯',
        'commonlab',
        'nist',
        '美国国家标准与技术研究院',
      ].sort(),
    );
  });

  it('leaves out words too short to matter (two-letter parts, three-letter platform codes)', () => {
    const words = contextWords({
      username: 'x',
      email: 'li.wu@example.org',
      displayName: 'Li Wu',
      deploymentWords: ['ATP'],
    });
    expect(words).toEqual(['li.wu', 'li wu', 'liwu', 'commonlab']);
    expect(
      passwordProblem('a-little-patio-2026', { username: 'x', deploymentWords: ['ITL', 'ATP'] }),
    ).toBeNull();
  });

  it('names the first rule broken: length, then user name, then context', () => {
    const c = { username: 'mlopez', email: 'maria@example.org' };
    expect(passwordProblem('short', c)).toBe('auth.password_too_short');
    expect(passwordProblem('x'.repeat(257), c)).toBe('auth.password_too_long');
    expect(passwordProblem('MLOPEZ-maria-2026', c)).toBe('auth.password_contains_username');
    expect(passwordProblem('MARIA-likes-2026', c)).toBe('auth.password_contains_context');
    expect(passwordProblem('x'.repeat(64), c)).toBeNull();
    // The web passes the user name alone, as before.
    expect(passwordProblem('commonlab-2026-x', 'mlopez')).toBe('auth.password_contains_context');
  });
});
