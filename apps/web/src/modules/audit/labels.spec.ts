import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AUDIT_ACTION_LABELS_EN, AUDIT_ACTION_LABELS_VI, auditActionLabel } from './labels';

/** Every `action: '…'` the api writes to the audit log (the audit page must never show a raw code). */
function apiActions(): string[] {
  const root = resolve(__dirname, '../../../../api/src');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts') && !path.endsWith('.spec.ts')) files.push(path);
    }
  };
  walk(root);
  const found = new Set<string>();
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/action: '([a-z-]+\.[a-z-]+)'/g)) found.add(m[1]!);
    // `plan.${…}` and `tenant.${…}`: the verbs the expression may give (after ? and :).
    for (const m of text.matchAll(/action: `([a-z-]+)\.\$\{([^`]+)\}`/g)) for (const v of m[2]!.matchAll(/[?:]\s*'([a-z-]+)'/g)) found.add(`${m[1]}.${v[1]}`);
  }
  return [...found].sort();
}

describe('audit labels', () => {
  it('names every action the api records, in Vietnamese and in English', () => {
    const actions = apiActions();
    expect(actions.length).toBeGreaterThan(20);
    expect(actions).toContain('plan.issue');
    expect(actions.filter((a) => !AUDIT_ACTION_LABELS_VI[a])).toEqual([]);
    expect(actions.filter((a) => !AUDIT_ACTION_LABELS_EN[a])).toEqual([]);
  });

  it('reads an action not listed yet from its verb and entity, else shows its code', () => {
    expect(auditActionLabel('plan.issue', 'vi')).toBe('Ban hành kế hoạch');
    expect(auditActionLabel('plan.issue', 'en')).toBe('Plan issued');
    expect(auditActionLabel('report_form.create', 'vi', 'report_form')).toBe('Tạo biểu mẫu báo cáo');
    expect(auditActionLabel('plan.delete', 'en', 'plan')).toBe('Plan deleted');
    expect(auditActionLabel('x.frobnicate', 'vi', 'plan')).toBe('x.frobnicate');
  });
});
