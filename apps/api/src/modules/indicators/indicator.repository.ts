import { Injectable } from '@nestjs/common';
import { TenantDataSource, TenantIndicatorEntity } from '@sen/db';

/** The indicators a tenant added to the national catalogue. */
@Injectable()
export class IndicatorRepository {
  constructor(private readonly data: TenantDataSource) {}

  list(): Promise<TenantIndicatorEntity[]> {
    return this.data.repository(TenantIndicatorEntity).find({ order: { code: 'ASC' } });
  }

  exists(code: string): Promise<boolean> {
    return this.data.repository(TenantIndicatorEntity).exists({ code });
  }

  async insert(code: string, definition: Record<string, unknown>): Promise<void> {
    await this.data.repository(TenantIndicatorEntity).insertMany([{ code, definition }]);
  }
}
