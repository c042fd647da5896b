import { Global, Module } from '@nestjs/common';
import { TenantDirectory } from './tenant-directory';

@Global()
@Module({ providers: [TenantDirectory], exports: [TenantDirectory] })
export class TenancyModule {}
