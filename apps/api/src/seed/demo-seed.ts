import type { DataSource } from 'typeorm';
import type { Role } from '@sen/contracts';
import { buildDemoTenant, Tenant, TenantContext, TenantDataSource, type DemoTenantSpec, type UnitSpec } from '@sen/db';
import { hashPassword } from '../modules/auth/password';
import { OrgUnitRepository } from '../modules/org-units/org-unit.repository';
import { nationalForms } from '../modules/reports/national-forms';
import { ReportRepository } from '../modules/reports/report.repository';
import { UserRepository } from '../modules/users/user.repository';
import { demoContact } from './demo-contacts';
import { seedDemoReports } from './demo-reports';
import { seedDemoPlans } from './demo-plans';

export const DEMO_PASSWORD = 'sen-demo-2024';

/** Fixed tenant ids of the demo, so tests and documentation can name them. */
export const DEMO_TENANT_IDS = { TW: '1', HN: '2', DN: '3' } as const;

export interface DemoSeedOptions {
  branchesPerCommune?: number;
  log?: (line: string) => void;
}

/** Depth of each unit within the spec, so parents are inserted before children. */
function layers(units: UnitSpec[]): UnitSpec[][] {
  const byKey = new Map(units.map((u) => [u.key, u]));
  const depth = new Map<string, number>();
  const depthOf = (u: UnitSpec): number => {
    const known = depth.get(u.key);
    if (known !== undefined) return known;
    const parent = u.parentKey ? byKey.get(u.parentKey) : undefined;
    const d = parent ? depthOf(parent) + 1 : 0;
    depth.set(u.key, d);
    return d;
  };
  const out: UnitSpec[][] = [];
  for (const u of units) (out[depthOf(u)] ??= []).push(u);
  return out;
}

/**
 * Loads the demo tenants TW, HN and DN with their real hierarchies (communes of 2025, the former districts
 * and communes of 2023–2025 with their merges), departments, and the demo users. Only into an empty
 * database: a second start keeps whatever is there.
 */
export async function seedDemo(dataSource: DataSource, opts: DemoSeedOptions = {}): Promise<boolean> {
  const log = opts.log ?? (() => undefined);
  const [{ n }] = (await dataSource.query('SELECT COUNT(*) AS n FROM tenant')) as [{ n: string }];
  if (Number(n) > 0) {
    log('demo data: the database already has tenants; nothing loaded');
    return false;
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const data = new TenantDataSource(dataSource);
  const units = new OrgUnitRepository(data);
  const users = new UserRepository(data);
  const reports = new ReportRepository(data);

  for (const code of ['TW', 'HN', 'DN'] as const) {
    const spec: DemoTenantSpec = buildDemoTenant(code, { branchesPerCommune: opts.branchesPerCommune ?? 8 });
    const id = DEMO_TENANT_IDS[code];
    await dataSource.getRepository(Tenant).insert({ id, code, name: spec.name, levels: spec.levels, status: 'active', isCentral: code === 'TW' });
    await TenantContext.run(TenantContext.system(id, code, 'demo-seed'), async () => {
      await dataSource.transaction(async (m) => {
        const idByKey = new Map<string, string>();
        for (const layer of layers(spec.units)) {
          const ids = await units.insertUnits(
            layer.map((u) => ({
              name: u.name,
              code: u.code,
              level: u.level,
              kind: u.kind,
              parentId: u.parentKey ? idByKey.get(u.parentKey)! : null,
              validFrom: u.validFrom,
              ...demoContact(u),
            })),
            m,
          );
          layer.forEach((u, i) => idByKey.set(u.key, ids[i]!));
        }
        // Units abolished by the 2025 reform: closed the day before, with the unit that took them over.
        for (const u of spec.units.filter((x) => x.validTo)) {
          const successor = u.successorKeys?.[0] ? idByKey.get(u.successorKeys[0]) ?? null : null;
          await units.close([idByKey.get(u.key)!], u.validTo!, successor, m);
        }
        for (const e of spec.events) {
          const target = idByKey.get(e.targetKey);
          if (!target) continue;
          await units.recordEvent(
            {
              unitId: target,
              type: e.type,
              effectiveFrom: e.effectiveFrom,
              data: { note: e.note, sources: e.sourceKeys.map((k) => idByKey.get(k)).filter(Boolean) },
            },
            m,
          );
        }
        const root = spec.units.find((u) => u.key === code) ?? spec.units.find((u) => u.parentKey === null && !u.validTo)!;
        const rootId = idByKey.get(root.key)!;
        await m.query('UPDATE tenant SET root_unit_id = ? WHERE id = ?', [rootId, id]);
        // As onboarding does: every tenant starts with the national forms.
        await reports.ensureForms(nationalForms(), m);
        const adminRoles: Role[] = code === 'TW' ? ['tenant_admin', 'platform_admin', 'central_analyst'] : ['tenant_admin'];
        await users.insert(
          { username: 'admin', displayName: `Quản trị ${spec.name}`, email: null, passwordHash },
          adminRoles.map((role) => ({ role, unitId: rootId })),
          m,
        );
        if (code === 'HN') {
          // The reporter works for one commune union: Phường Cầu Giấy (2025).
          const commune =
            spec.units.find((u) => u.level === 'grassroots' && !u.validTo && /Cầu Giấy/.test(u.name)) ??
            spec.units.find((u) => u.level === 'grassroots' && !u.validTo)!;
          await users.insert(
            { username: 'reporter', displayName: `Cán bộ ${commune.name}`, email: null, passwordHash },
            [{ role: 'reporter', unitId: idByKey.get(commune.key)! }],
            m,
          );
        }
        log(`demo data: ${code} ${spec.name}: ${spec.units.length} units`);
      });
    });
  }
  await seedDemoReports(dataSource, { HN: DEMO_TENANT_IDS.HN, DN: DEMO_TENANT_IDS.DN }, log);
  await seedDemoPlans(dataSource, { HN: DEMO_TENANT_IDS.HN, DN: DEMO_TENANT_IDS.DN }, log);
  return true;
}
