import fs from 'node:fs';
import path from 'node:path';
import { AGGREGATIONS, REPORT_STATUSES, ROLES, UNIT_KINDS } from '@sen/contracts';
import { MENU } from '../modules/shell/menu';
import { LEVEL_PRESETS, WIZARD_STEPS } from '../modules/tenants/onboarding';
import en from './en.json';
import vi from './vi.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Set<string> {
  const keys = new Set<string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') keys.add(key.replace(/_(one|other|zero|few|many|two)$/, ''));
    else flatten(v, key).forEach((x) => keys.add(x));
  }
  return keys;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.spec\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Every literal key passed to t('…') in the app, and the dynamic families expanded from the enums. */
function usedKeys(): string[] {
  const keys = new Set<string>();
  for (const file of sourceFiles(path.resolve(__dirname, '..'))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) keys.add(m[1]!);
  }
  for (const a of AGGREGATIONS) keys.add(`indicators.aggregation.${a}`).add(`indicators.aggregationHelp.${a}`);
  for (const k of ['flow', 'stock']) keys.add(`indicators.kind.${k}`).add(`indicators.kindHelp.${k}`);
  for (const e of MENU) keys.add(e.labelKey);
  for (const s of WIZARD_STEPS) keys.add(`tenants.wizard.steps.${s}`);
  for (const p of LEVEL_PRESETS) keys.add(`tenants.wizard.presets.${p.key}`);
  for (const g of ['stock', 'flow', 'ratio']) keys.add(`reports.groups.${g}`).add(`reports.groupsHelp.${g}`);
  for (const s of REPORT_STATUSES) keys.add(`reportStatus.${s}`);
  for (const s of ['waiting', 'active', 'completed', 'failed']) keys.add(`rollups.states.${s}`);
  return [...keys].sort();
}

describe('UI strings', () => {
  const viKeys = flatten(vi as Tree);
  const enKeys = flatten(en as Tree);

  it('has every Vietnamese string the app asks for', () => {
    expect(usedKeys().filter((k) => !viKeys.has(k))).toEqual([]);
  });

  it('has every English string the app asks for, and English labels for roles, kinds and levels', () => {
    const needed = [
      ...usedKeys(),
      ...ROLES.map((r) => `roles.${r}`),
      ...UNIT_KINDS.map((k) => `kinds.${k}`),
      ...['central', 'province', 'district', 'grassroots', 'branch', 'group'].map((l) => `levels.${l}`),
    ];
    expect(needed.filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('keeps the two languages in step (apart from the English-only labels)', () => {
    const englishOnly = /^(roles|kinds|levels)\./;
    expect([...enKeys].filter((k) => !englishOnly.test(k) && !viKeys.has(k))).toEqual([]);
    expect([...viKeys].filter((k) => !enKeys.has(k))).toEqual([]);
  });
});
