/**
 * Sen's command line (`pnpm sen <command>`):
 *   seed:demo                         load the demo tenants TW, HN, DN (only into an empty database)
 *   tenant:create --code QN --name "Hội LHPN tỉnh Quảng Ninh" --levels province,grassroots,branch
 *                 --root "Hội LHPN tỉnh Quảng Ninh" --admin admin --password '…' [--units units.csv]
 *   tenant:suspend --code QN | tenant:resume --code QN
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { createTenantSchema, DEFAULT_LEVEL_LABELS_VI } from '@sen/contracts';
import { AppModule } from '../app.module';
import { loadApiConfig } from '../core/config/config';
import { parseOrThrow } from '../core/validation/zod';
import { DomainError } from '../core/errors/domain-error';
import { TenantOnboardingService } from '../modules/tenants/tenant-onboarding.service';
import { seedDemo } from '../seed/demo-seed';

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: {
      code: { type: 'string' },
      name: { type: 'string' },
      levels: { type: 'string' },
      root: { type: 'string' },
      admin: { type: 'string' },
      'admin-name': { type: 'string' },
      password: { type: 'string' },
      units: { type: 'string' },
      force: { type: 'boolean' },
    },
  });
  const config = loadApiConfig();
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ ...config, LOG_LEVEL: 'warn' }), { logger: ['error', 'warn'] });
  try {
    switch (command) {
      case 'seed:demo': {
        if (!config.DEMO_MODE) throw new Error('seed:demo needs DEMO_MODE=true: demo users must never exist in production');
        await seedDemo(app.get(DataSource), { log: (l) => console.log(l) });
        break;
      }
      case 'tenant:create': {
        const levels = (values.levels ?? 'province,grassroots,branch').split(',').map((c) => c.trim()).filter(Boolean);
        const body = parseOrThrow(createTenantSchema, {
          code: values.code,
          name: values.name,
          levels: levels.map((c) => ({ code: c, name: DEFAULT_LEVEL_LABELS_VI[c] ?? c })),
          rootUnit: { name: values.root ?? values.name },
          admin: { username: values.admin ?? 'admin', displayName: values['admin-name'] ?? `Quản trị ${values.name ?? ''}`.trim(), password: values.password },
          unitsCsv: values.units ? readFileSync(values.units, 'utf8') : undefined,
        });
        const result = await app.get(TenantOnboardingService).onboard(body, null);
        console.log(`tenant ${result.tenant.code} created (id ${result.tenant.id}); units imported: ${result.units.created}`);
        break;
      }
      case 'tenant:suspend':
      case 'tenant:resume': {
        if (!values.code) throw new Error('--code is required');
        const t = await app.get(TenantOnboardingService).setStatus(values.code, command === 'tenant:suspend' ? 'suspended' : 'active');
        console.log(`tenant ${t.code}: ${t.status}`);
        break;
      }
      default:
        throw new Error(`unknown command "${command ?? ''}"; commands: seed:demo, tenant:create, tenant:suspend, tenant:resume`);
    }
  } finally {
    await app.close();
  }
}

main().catch((err: unknown) => {
  if (err instanceof DomainError) {
    console.error(`sen: ${err.messageEn}`);
    for (const e of err.fieldErrors ?? []) console.error(`  ${e.field}: ${e.reasonEn}`);
  } else {
    console.error(`sen: ${err instanceof Error ? err.message : String(err)}`);
  }
  process.exit(1);
});
