import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Tenant } from '@sen/db';

/**
 * Tenants are global rows: only login (tenant code → tenant) and the platform administration read them.
 * This is the one place that does.
 */
@Injectable()
export class TenantDirectory {
  constructor(private readonly dataSource: DataSource) {}

  findByCode(code: string): Promise<Tenant | null> {
    return this.dataSource.getRepository(Tenant).findOneBy({ code: code.toUpperCase() });
  }

  findById(id: string): Promise<Tenant | null> {
    return this.dataSource.getRepository(Tenant).findOneBy({ id });
  }

  list(): Promise<Tenant[]> {
    return this.dataSource.getRepository(Tenant).find({ order: { code: 'ASC' } });
  }
}
