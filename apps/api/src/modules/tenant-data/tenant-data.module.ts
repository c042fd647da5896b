import { Module } from '@nestjs/common';
import { TenantBackupService } from './tenant-backup.service';
import { TenantDataController } from './tenant-data.controller';
import { TenantDeletionService } from './tenant-deletion.service';

/** Backup, restore and deletion of one tenant's data (platform administrators; CLI tenant:export / tenant:import). */
@Module({ controllers: [TenantDataController], providers: [TenantBackupService, TenantDeletionService], exports: [TenantBackupService] })
export class TenantDataModule {}
