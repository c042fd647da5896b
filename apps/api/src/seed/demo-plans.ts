/**
 * Demo plans: the five real seed documents of @sen/plans (packages/plans/fixtures/seeds), imported through the
 * importer, saved and issued like a user would — 000, 001, 002 and 004 by the Hà Nội city union, 003 by the Đà
 * Nẵng city union. The Hà Nội plans keep their own numbers (31, 26, 60, 13/KH-BTV of 2024), which sets the
 * document number counter; 003 has none and gets the next free one when it is issued.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DataSource } from 'typeorm';
import { TenantContext, TenantDataSource } from '@sen/db';
import { importPlanText, suggestIndicatorLinks } from '@sen/plans';
import { NATIONAL_INDICATORS } from '@sen/indicators';
import { planContentSchema, type PlanContent } from '@sen/contracts';
import type { Actor } from '../core/auth/actor';
import { AuditService } from '../modules/audit/audit.service';
import { OrgUnitRepository } from '../modules/org-units/org-unit.repository';
import { PlanRepository } from '../modules/plans/plan.repository';
import { PlanService } from '../modules/plans/plan.service';

/** Which tenant issues each seed (by file name prefix). */
const SEED_TENANTS: Record<string, 'HN' | 'DN'> = { '000': 'HN', '001': 'HN', '002': 'HN', '003': 'DN', '004': 'HN' };

/** The seeds folder of @sen/plans, from the package (its "files" include fixtures) or beside this file (src or dist). */
export function planSeedsDir(): string {
  const candidates: string[] = [];
  try {
    candidates.push(join(dirname(require.resolve('@sen/plans/package.json')), 'fixtures', 'seeds'));
  } catch {
    /* not resolvable: try the repository layout */
  }
  candidates.push(join(__dirname, '..', '..', '..', '..', 'packages', 'plans', 'fixtures', 'seeds'));
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`the plan seeds were not found (looked in ${candidates.join(', ')})`);
  return found;
}

export async function seedDemoPlans(dataSource: DataSource, tenantIds: { HN: string; DN: string }, log: (line: string) => void = () => undefined): Promise<void> {
  const dir = planSeedsDir();
  const files = readdirSync(dir)
    .filter((f) => /^\d{3}_.*\.txt$/.test(f))
    .sort();
  const data = new TenantDataSource(dataSource);
  const service = new PlanService(new PlanRepository(data), new OrgUnitRepository(data), new AuditService(data));
  for (const code of ['HN', 'DN'] as const) {
    const tenantId = tenantIds[code];
    const mine = files.filter((f) => SEED_TENANTS[f.slice(0, 3)] === code);
    if (mine.length === 0) continue;
    const [row] = (await dataSource.query('SELECT root_unit_id FROM tenant WHERE id = ?', [tenantId])) as [{ root_unit_id: string | null }?];
    if (!row?.root_unit_id) continue;
    const rootId = String(row.root_unit_id);
    const actor: Actor = { userId: '0', username: 'demo-seed', tenantId, tenantCode: code, roles: ['tenant_admin'], unitIds: [rootId] };
    await TenantContext.run(TenantContext.system(tenantId, code, 'demo-plans'), async () => {
      for (const file of mine) {
        const { plan } = importPlanText(readFileSync(join(dir, file), 'utf8'));
        const content: PlanContent = planContentSchema.parse(linkConfidentTargets(plan));
        const saved = await service.create(actor, { plan: content, unitId: rootId });
        await service.transition(actor, saved.id, { to: 'in_review' });
        const issued = await service.transition(actor, saved.id, { to: 'issued' });
        log(`demo data: ${code} plan ${issued.symbol ?? '(no number)'} ${issued.title.slice(0, 60)}…`);
      }
    });
  }
}

/**
 * What a user does on the review screen, for the demo: each target takes the catalogue indicator the importer
 * suggests when it is confident (0.8 and over: "Trên 90% hội viên được tuyên truyền" → the propaganda rate), so
 * that the dashboards measure the demo plans. Less confident suggestions stay unconfirmed, as a user would leave
 * them.
 */
function linkConfidentTargets<P extends { targets: { text: string; unit: string | null }[] }>(plan: P): P {
  const best = new Map<number, { code: string; confidence: number }>();
  for (const link of suggestIndicatorLinks(plan.targets, [...NATIONAL_INDICATORS])) {
    if (link.confidence >= 0.8 && (best.get(link.targetIndex)?.confidence ?? 0) < link.confidence) best.set(link.targetIndex, link);
  }
  return { ...plan, targets: plan.targets.map((t, i) => ({ ...t, indicatorCode: best.get(i)?.code ?? null })) };
}
