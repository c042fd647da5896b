import type { EntityManager } from 'typeorm';
import { NATIONAL_INDICATORS, type IndicatorDefinition } from '@sen/indicators';

/** The national catalogue plus the tenant's own indicators, by code. */
export async function tenantDefinitions(m: EntityManager, tenantId: string): Promise<Map<string, IndicatorDefinition>> {
  const defs = new Map<string, IndicatorDefinition>(NATIONAL_INDICATORS.map((d) => [d.code, d]));
  const own: { code: string; definition: string | IndicatorDefinition }[] = await m.query('SELECT code, definition FROM tenant_indicator WHERE tenant_id = ?', [tenantId]);
  for (const row of own) defs.set(row.code, typeof row.definition === 'string' ? (JSON.parse(row.definition) as IndicatorDefinition) : row.definition);
  return defs;
}
