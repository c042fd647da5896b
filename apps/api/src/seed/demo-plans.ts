/**
 * Demo plans: the five real seed documents of @sen/plans (packages/plans/fixtures/seeds), imported through the
 * importer, linked to indicators, saved and issued like a user would — 000, 001, 002 and 004 by the Hà Nội
 * city union, 003 by the Đà Nẵng city union. The Hà Nội plans keep their own numbers (31, 26, 60, 13/KH-BTV of
 * 2024), which sets the document number counter. 003 has neither number nor date: it is a plan of 2023 (its
 * title says "năm 2023"), issued as a plan of a past year is — its date stays unknown (not invented) and it
 * gets the next free number of 2023 (see PlanService.issue). Issuing creates the reports of their obligations.
 * Then a few of their past activities are marked done, as the units would have recorded them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DataSource } from 'typeorm';
import { TenantContext, TenantDataSource } from '@sen/db';
import { importPlanText } from '@sen/plans';
import { planContentSchema, prefillIndicatorLinks, type PlanContent } from '@sen/contracts';
import type { Actor } from '../core/auth/actor';
import { AuditService } from '../modules/audit/audit.service';
import { IndicatorRepository } from '../modules/indicators/indicator.repository';
import { IndicatorService } from '../modules/indicators/indicator.service';
import { OrgUnitRepository } from '../modules/org-units/org-unit.repository';
import { PlanImportService } from '../modules/plans/plan-import.service';
import { PlanRepository } from '../modules/plans/plan.repository';
import { PlanService } from '../modules/plans/plan.service';
import { ReportRepository } from '../modules/reports/report.repository';

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
  const audit = new AuditService(data);
  const indicators = new IndicatorService(new IndicatorRepository(data), audit);
  const importer = new PlanImportService(indicators);
  const service = new PlanService(new PlanRepository(data), new OrgUnitRepository(data), audit, new ReportRepository(data), indicators);
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
        // As on the review screen: the api's suggestions (POST /plans/suggest-links), the confident ones taken.
        const links = await importer.suggestLinks({ targets: plan.targets.map((t) => ({ text: t.text, unit: t.unit })) });
        const content: PlanContent = planContentSchema.parse(prefillIndicatorLinks(plan, links));
        const saved = await service.create(actor, { plan: content, unitId: rootId });
        await service.transition(actor, saved.id, { to: 'in_review' });
        const issued = await service.transition(actor, saved.id, { to: 'issued' });
        const done = await markPastActivitiesDone(service, actor, issued.id);
        log(`demo data: ${code} plan ${issued.symbol ?? '(no number)'} of ${issued.year} ${issued.title.slice(0, 50)}… (${done} activities done)`);
      }
    });
  }
}

/**
 * What the units would have recorded: the dated activities that ended before today are done (on their last
 * day) — all but the latest of each plan, left unreported so that the calendar also shows an overdue one.
 */
async function markPastActivitiesDone(service: PlanService, actor: Actor, planId: string): Promise<number> {
  const plan = await service.get(actor, planId);
  const today = new Date().toISOString().slice(0, 10);
  const past = plan.content.activities
    .map((a, idx) => ({ idx, end: a.time.to ?? a.time.from }))
    .filter((a): a is { idx: number; end: string } => a.end !== null && a.end < today)
    .sort((a, b) => a.end.localeCompare(b.end));
  for (const a of past.slice(0, -1)) await service.setActivityStatus(actor, planId, a.idx, { status: 'done', doneOn: a.end, note: 'Đã tổ chức theo kế hoạch' });
  return Math.max(0, past.length - 1);
}
