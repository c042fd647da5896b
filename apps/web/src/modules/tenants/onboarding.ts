import type { CreateTenant, FieldError } from '@sen/contracts';

export interface LevelRow {
  code: string;
  name: string;
}

export interface LevelPreset {
  key: 'after2025' | 'before2025';
  levels: LevelRow[];
}

/** The hierarchies a province union has had: after the 2025 reform (no district level) and before it. */
export const LEVEL_PRESETS: readonly LevelPreset[] = [
  {
    key: 'after2025',
    levels: [
      { code: 'province', name: 'Tỉnh' },
      { code: 'grassroots', name: 'Xã, phường' },
      { code: 'branch', name: 'Chi hội' },
    ],
  },
  {
    key: 'before2025',
    levels: [
      { code: 'province', name: 'Tỉnh' },
      { code: 'district', name: 'Huyện' },
      { code: 'grassroots', name: 'Xã' },
      { code: 'branch', name: 'Chi hội' },
      { code: 'group', name: 'Tổ' },
    ],
  },
];

export function presetLevels(key: LevelPreset['key']): LevelRow[] {
  return (LEVEL_PRESETS.find((p) => p.key === key)?.levels ?? []).map((l) => ({ ...l }));
}

/** "Tỉnh / Xã, phường / Chi hội". */
export function levelChain(levels: LevelRow[]): string {
  return levels.map((l) => l.name).join(' / ');
}

export const LEVEL_CODE_PATTERN = /^[a-z][a-z0-9_]{1,31}$/;

/** Problems of a level list the API would refuse: empty list, bad or repeated codes, empty names. */
export function levelProblems(levels: LevelRow[]): { index: number; field: 'code' | 'name'; problem: 'invalid' | 'duplicate' | 'required' }[] {
  const out: { index: number; field: 'code' | 'name'; problem: 'invalid' | 'duplicate' | 'required' }[] = [];
  const seen = new Set<string>();
  levels.forEach((l, index) => {
    const code = (l.code ?? '').trim();
    if (!code) out.push({ index, field: 'code', problem: 'required' });
    else if (!LEVEL_CODE_PATTERN.test(code)) out.push({ index, field: 'code', problem: 'invalid' });
    else if (seen.has(code)) out.push({ index, field: 'code', problem: 'duplicate' });
    seen.add(code);
    if (!(l.name ?? '').trim()) out.push({ index, field: 'name', problem: 'required' });
  });
  return out;
}

/** One refused row of the units file. */
export interface CsvRowError {
  line: number;
  field: string;
  reason: string;
}

/**
 * Splits the API's field errors into the unit file's row errors (`unitsCsv.line 12.parent code`) and the
 * others. Rows come sorted by line.
 */
export function splitCsvErrors(errors: FieldError[], language: 'vi' | 'en' = 'vi'): { rows: CsvRowError[]; other: FieldError[] } {
  const rows: CsvRowError[] = [];
  const other: FieldError[] = [];
  for (const e of errors) {
    const m = /^unitsCsv\.line (\d+)(?:\.(.*))?$/.exec(e.field);
    if (m) rows.push({ line: Number(m[1]), field: m[2] ?? '', reason: language === 'en' ? e.reasonEn || e.reason : e.reason });
    else other.push(e);
  }
  rows.sort((a, b) => a.line - b.line);
  return { rows, other };
}

/** The wizard's steps, in order; each API field belongs to one. */
export const WIZARD_STEPS = ['identity', 'levels', 'admin', 'units', 'review'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

/** The step and the form path of an API field ("admin.password" → step admin, ['admin','password']). */
export function onboardingField(field: string): { step: WizardStep; name: (string | number)[] } | null {
  if (field === 'code' || field === 'name') return { step: 'identity', name: [field] };
  const level = /^levels(?:\.(\d+)\.(code|name))?$/.exec(field);
  if (level) return { step: 'levels', name: level[1] !== undefined ? ['levels', Number(level[1]), level[2]!] : ['levels'] };
  const nested = /^(rootUnit|admin)\.(\w+)$/.exec(field);
  if (nested) return { step: 'admin', name: [nested[1]!, nested[2]!] };
  if (field.startsWith('unitsCsv')) return { step: 'units', name: ['unitsCsv'] };
  return null;
}

export interface WizardValues {
  code: string;
  name: string;
  levels: LevelRow[];
  rootUnit: { name: string; code?: string };
  admin: { username: string; displayName: string; password: string };
}

/** The wizard's values → the body of POST /api/v1/tenants. */
export function toCreateTenant(values: WizardValues, unitsCsv: string | null): CreateTenant {
  return {
    code: values.code.trim().toUpperCase(),
    name: values.name.trim(),
    levels: values.levels.map((l) => ({ code: l.code.trim(), name: l.name.trim() })),
    rootUnit: { name: values.rootUnit.name.trim(), ...(values.rootUnit.code?.trim() ? { code: values.rootUnit.code.trim() } : {}) },
    admin: { username: values.admin.username.trim().toLowerCase(), displayName: values.admin.displayName.trim(), password: values.admin.password },
    ...(unitsCsv ? { unitsCsv } : {}),
  };
}

/** Data rows of a CSV text (header and blank lines excluded); quoted line breaks are not expected in unit files. */
export function csvRowCount(text: string): number {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  return Math.max(0, lines.length - 1);
}

/** The header the unit import expects, compared loosely (case, spaces, BOM). */
export function csvHeaderOk(text: string): boolean {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const cols = first.split(',').map((c) => c.trim().toLowerCase().replace(/^"|"$/g, ''));
  return ['code', 'name', 'level'].every((c) => cols.includes(c));
}
