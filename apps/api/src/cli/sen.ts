/**
 * Sen's command line (`pnpm sen <command>`):
 *   seed:demo                         load the demo tenants TW, HN, DN (only into an empty database)
 *   tenant:create --code QN --name "Hội LHPN tỉnh Quảng Ninh" --levels province,grassroots,branch
 *                 --root "Hội LHPN tỉnh Quảng Ninh" --admin admin --password '…' [--units units.csv]
 *   tenant:suspend --code QN | tenant:resume --code QN
 *   tenant:export --code HN --out hn.jsonl.gz     backup of one tenant (gzip when the name ends in .gz)
 *   tenant:import --file hn.jsonl.gz              restore it (into an empty database or another deployment)
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { pipeline, type Writable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { createTenantSchema, DEFAULT_LEVEL_LABELS_VI } from '@sen/contracts';
import { AppModule } from '../app.module';
import { loadApiConfig } from '../core/config/config';
import { parseOrThrow } from '../core/validation/zod';
import { DomainError } from '../core/errors/domain-error';
import { TenantBackupService } from '../modules/tenant-data/tenant-backup.service';
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
      out: { type: 'string' },
      file: { type: 'string' },
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
      case 'tenant:export': {
        if (!values.code || !values.out) throw new Error('--code and --out are required');
        const gzip = values.out.endsWith('.gz');
        const file = createWriteStream(values.out);
        const done = new Promise<void>((resolve, reject) => file.on('finish', resolve).on('error', reject));
        let out: Writable = file;
        if (gzip) {
          const gz = createGzip();
          pipeline(gz, file, () => undefined);
          out = gz;
        }
        const summary = await app.get(TenantBackupService).exportTenant(values.code, out, null, gzip ? 'gzip' : 'jsonl');
        await done;
        console.log(`tenant ${summary.tenant}: ${summary.total} rows written to ${values.out}`);
        break;
      }
      case 'tenant:import': {
        if (!values.file) throw new Error('--file is required');
        const result = await app.get(TenantBackupService).importTenant(createReadStream(values.file), null);
        console.log(`tenant ${result.tenant} restored (id ${result.tenantId}): ${result.total} rows`);
        break;
      }
      default:
        throw new Error(`unknown command "${command ?? ''}"; commands: seed:demo, tenant:create, tenant:suspend, tenant:resume, tenant:export, tenant:import`);
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
