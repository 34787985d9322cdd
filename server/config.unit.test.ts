import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, configVariables, loadConfig } from './config.js';

const SECRET = 'a-session-secret-of-at-least-32-characters';
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'commonlab-config-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig({ SESSION_SECRET: SECRET, ...env });
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('defaults', () => {
  it('starts on SQLite under ./data, port 3000, info logs, a 1 MiB body limit and secure session limits', () => {
    const c = loadConfig({ SESSION_SECRET: SECRET });
    expect(c).toMatchObject({
      env: 'development',
      port: 3000,
      host: 'localhost',
      dataDir: path.resolve('./data'),
      databaseUrl: undefined,
      logLevel: 'info',
      sessionSecret: SECRET,
      sessionIdleMinutes: 60,
      sessionAbsoluteHours: 12,
      cookieSecure: false,
      trustProxy: false,
      bodyLimitBytes: 1024 * 1024,
      loginMaxFailures: 5,
      seedDemo: true,
    });
  });

  it('requires the second factor of the three administrators and platform admins unless told otherwise', () => {
    expect(loadConfig({ SESSION_SECRET: SECRET }).mfaRequiredRoles).toEqual([
      'system_admin',
      'security_admin',
      'audit_admin',
      'platform_admin',
    ]);
    expect(loadConfig({ SESSION_SECRET: SECRET, MFA_REQUIRED_ROLES: 'none' }).mfaRequiredRoles).toEqual([]);
    expect(
      loadConfig({ SESSION_SECRET: SECRET, MFA_REQUIRED_ROLES: ' expert, system_admin,expert' })
        .mfaRequiredRoles,
    ).toEqual(['expert', 'system_admin']);
    expect(configError({ MFA_REQUIRED_ROLES: 'system_admin,root' }).problems.join()).toMatch(
      /MFA_REQUIRED_ROLES: unknown role root/,
    );
  });

  it('is frozen, so no code can change the configuration after the boot', () => {
    const c = loadConfig({ SESSION_SECRET: SECRET });
    expect(Object.isFrozen(c)).toBe(true);
    expect(() => {
      (c as { port: number }).port = 1;
    }).toThrow(TypeError);
  });

  it('reads the variables it documents, treating an empty value as unset', () => {
    const c = loadConfig({
      SESSION_SECRET: SECRET,
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgresql://u:p@db:5432/commonlab',
      LOG_LEVEL: 'warn',
      COOKIE_SECURE: '1',
      TRUST_PROXY: 'true',
      SEED_DEMO: 'false',
      BODY_LIMIT_BYTES: '',
    });
    expect(c).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      logLevel: 'warn',
      cookieSecure: true,
      trustProxy: true,
    });
    expect(c.databaseUrl).toBe('postgresql://u:p@db:5432/commonlab');
    expect(c.seedDemo).toBe(false);
    expect(c.bodyLimitBytes).toBe(1024 * 1024);
    for (const name of [
      'PORT',
      'HOST',
      'DATABASE_URL',
      'DATA_DIR',
      'LOG_LEVEL',
      'SESSION_SECRET',
      'BODY_LIMIT_BYTES',
    ]) {
      expect(configVariables).toContain(name);
    }
  });
});

describe('invalid configuration stops the boot with a message naming the variable', () => {
  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['DATABASE_URL', 'mysql://root@localhost/commonlab'],
    ['DATABASE_URL', 'not a url'],
    ['LOG_LEVEL', 'verbose'],
    ['SESSION_SECRET', 'too-short'],
    ['COOKIE_SECURE', 'yes'],
    ['BODY_LIMIT_BYTES', '10'],
    ['NODE_ENV', 'staging'],
  ])('%s=%s', (name, value) => {
    const err = configError({ [name]: value });
    expect(err.message).toMatch(new RegExp(`\\b${name}\\b`));
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]).toMatch(new RegExp(`^${name}: `));
  });

  it('reports every bad variable at once, and never echoes a secret value', () => {
    const err = configError({ PORT: 'abc', LOG_LEVEL: 'loud', SESSION_SECRET: 'hunter2-short' });
    expect(err.problems.map((p) => p.split(':')[0]).sort()).toEqual(['LOG_LEVEL', 'PORT', 'SESSION_SECRET']);
    expect(err.message).not.toContain('hunter2-short');
  });
});

describe('the generated session secret', () => {
  it('is created under DATA_DIR with mode 0600 on first load and reused on the next', () => {
    const dir = tempDir();
    const first = loadConfig({ DATA_DIR: dir });
    const file = path.join(dir, 'session-secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.sessionSecret);
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(first.sessionSecret);
  });

  it('differs between two data directories (no shared default)', () => {
    const a = loadConfig({ DATA_DIR: tempDir() }).sessionSecret;
    const b = loadConfig({ DATA_DIR: tempDir() }).sessionSecret;
    expect(a).not.toBe(b);
  });

  it('creates a missing DATA_DIR, and is not written when SESSION_SECRET is given', () => {
    const given = path.join(tempDir(), 'given');
    expect(loadConfig({ DATA_DIR: given, SESSION_SECRET: SECRET }).sessionSecret).toBe(SECRET);
    expect(() => statSync(path.join(given, 'session-secret'))).toThrow();
    const nested = path.join(tempDir(), 'a', 'b');
    loadConfig({ DATA_DIR: nested });
    expect(statSync(path.join(nested, 'session-secret')).isFile()).toBe(true);
  });

  it('refuses a secret file that was emptied or truncated instead of signing cookies with it', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'session-secret'), 'short\n', { mode: 0o600 });
    expect(() => loadConfig({ DATA_DIR: dir })).toThrow(/SESSION_SECRET/);
    writeFileSync(path.join(dir, 'session-secret'), '', { mode: 0o600 });
    expect(() => loadConfig({ DATA_DIR: dir })).toThrow(ConfigError);
  });
});
