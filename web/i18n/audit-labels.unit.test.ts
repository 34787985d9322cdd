import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ACTIONS } from '../../common/applications.js';
import { zhCNAuditLabels } from '../../common/audit-labels.zh-CN.js';
import { CALL_TRANSITIONS } from '../../common/calls.js';
import { BOOKING_STATES, INSTRUMENT_STATES } from '../../common/instruments.js';
import { NEED_ACTIONS } from '../../common/needs.js';
import { PROJECT_ACTIONS } from '../../common/projects.js';
import { REQUEST_ACTIONS, SERVICE_STATES } from '../../common/services.js';
import { SCHEME_STATES } from '../../common/vouchers.js';
import { ACTION_LABELS, actionLabel, actorText, ENTITY_LABELS, entityLabel } from './audit-labels.js';
import { zhCN } from './zh-CN.js';

const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../server');

function serverSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return serverSources(full);
    return /\.ts$/.test(e.name) && !e.name.includes('.test.') ? [full] : [];
  });
}

const files = serverSources(serverRoot);
const sources = files.map((f) => readFileSync(f, 'utf8'));
const importKinds = files
  .filter((f) => f.includes(`${path.sep}imports${path.sep}kinds${path.sep}`))
  .map((f) => readFileSync(f, 'utf8'));

/** Each audit action whose code is built from a value: the values it can take (a new template fails). */
const TEMPLATES: Record<string, readonly string[]> = {
  'application.{}': APPLICATION_ACTIONS,
  'application.member_{}': ['confirmed', 'declined'],
  'call.{}': Object.keys(CALL_TRANSITIONS),
  'instrument.{}': INSTRUMENT_STATES,
  'instrument_booking.{}': BOOKING_STATES,
  'project.{}': PROJECT_ACTIONS,
  'project.adjustment_{}': ['approved', 'rejected'],
  'project.amendment_{}': ['approved', 'refused'],
  'project.milestone_{}': ['accepted', 'rejected'],
  'review.{}': ['pin', 'forbid'],
  'review.{}_removed': ['pin', 'forbid'],
  'review.run_{}': ['initial', 'refill'],
  'review.seat_{}': ['accepted', 'declined'],
  'service.{}': SERVICE_STATES,
  'service_request.{}': [...REQUEST_ACTIONS, 'submit'],
  'voucher_scheme.{}': SCHEME_STATES,
  'need.{}': NEED_ACTIONS,
  'need.contact_{}': ['accepted', 'declined'],
};

/** Every audit action code the server's sources write: literals, and templates expanded. */
function writtenActions(): { actions: Set<string>; unknownTemplates: string[] } {
  const actions = new Set<string>();
  const unknownTemplates: string[] = [];
  for (const src of sources) {
    for (const line of src.split('\n')) {
      // `action: 'a.b' | 'a.c'` is a policy's type, not a write.
      if (!/\b(?:action|auditAction): /.test(line) || /'\s*\|/.test(line)) continue;
      for (const m of line.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) actions.add(m[1]!);
      for (const m of line.matchAll(/`([a-z_]+\.[a-z_]*\$\{[^`]*)`/g)) {
        const shape = m[1]!.replace(/\$\{[^}]*\}/g, '{}');
        const values = TEMPLATES[shape];
        if (!values) unknownTemplates.push(shape);
        for (const v of values ?? []) actions.add(shape.replace('{}', v));
      }
    }
  }
  return { actions, unknownTemplates };
}

function writtenEntityTypes(): Set<string> {
  const types = new Set<string>();
  for (const src of sources) for (const m of src.matchAll(/\bentityType: '([a-z_]+)'/g)) types.add(m[1]!);
  // An import records the kind of rows it imported (server/modules/imports/kinds/*.ts `name`).
  for (const src of importKinds) for (const m of src.matchAll(/^ {2}name: '([a-z_]+)',$/gm)) types.add(m[1]!);
  return types;
}

describe('audit labels (issue 12 item 6: no raw codes in the audit log)', () => {
  it('name every action the server writes, in words', () => {
    const { actions, unknownTemplates } = writtenActions();
    // The scan must work, or this test would pass on nothing.
    expect(actions.has('project.registered')).toBe(true);
    expect(actions.has('application.pass')).toBe(true);
    expect(actions.size).toBeGreaterThan(150);
    expect(unknownTemplates).toEqual([]);
    expect([...actions].filter((a) => !ACTION_LABELS[a])).toEqual([]);
  });

  it('name every object type the server writes, in words', () => {
    const types = writtenEntityTypes();
    expect(types.has('project')).toBe(true);
    expect(types.has('experts')).toBe(true);
    expect([...types].filter((e) => !ENTITY_LABELS[e])).toEqual([]);
  });

  it('are all in the Chinese table the server’s audit export reads, not only in the web catalog', () => {
    const english = [
      ...Object.values(ACTION_LABELS),
      ...Object.values(ENTITY_LABELS),
      'Other action',
      'Other object',
    ];
    expect(english.filter((e) => !zhCNAuditLabels[e])).toEqual([]);
  });

  it('render each code in Chinese and English without the code itself', async () => {
    for (const lng of ['zh-CN', 'en-US']) {
      const i18n = createInstance();
      await i18n.init({ lng, resources: { 'zh-CN': { translation: zhCN } }, fallbackLng: false });
      const t = i18n.t.bind(i18n);
      for (const code of Object.keys(ACTION_LABELS)) {
        const shown = actionLabel(t, code);
        expect(shown, code).not.toContain('.');
        expect(shown, code).not.toMatch(/_/);
        if (lng === 'zh-CN') expect(shown, code).toMatch(/[\u4e00-\u9fff]/);
      }
      for (const code of Object.keys(ENTITY_LABELS)) {
        const shown = entityLabel(t, code);
        expect(shown, code).not.toMatch(/_/);
        if (lng === 'zh-CN') expect(shown, code).toMatch(/[\u4e00-\u9fff]/);
      }
      expect(actionLabel(t, 'project.registered')).toBe(
        lng === 'zh-CN' ? '项目已登记' : 'Project registered',
      );
      expect(actorText(t, 'cli (cli)')).toBe(lng === 'zh-CN' ? '服务器命令行' : 'Command line on the server');
      expect(actorText(t, 'ops (cli)')).toBe(lng === 'zh-CN' ? 'ops（命令行）' : 'ops (command line)');
      expect(actorText(t, 'admin')).toBe('admin');
      expect(actionLabel(t, 'made.up_later')).toBe(lng === 'zh-CN' ? '其他操作' : 'Other action');
    }
  });
});
