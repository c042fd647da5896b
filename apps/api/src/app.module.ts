import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AuthGuard } from './core/auth/auth.guard';
import { TokenService } from './core/auth/token.service';
import { API_CONFIG, type ApiConfig } from './core/config/config';
import { DatabaseModule } from './core/database/database.module';
import { HttpExceptionFilter } from './core/errors/http-exception.filter';
import { HealthController } from './core/health/health.controller';
import { RedisModule } from './core/redis/redis.module';
import { TenancyModule } from './core/tenancy/tenancy.module';
import { TenantContextInterceptor } from './core/tenancy/tenant-context.interceptor';
import { AggregationModule } from './modules/aggregation/aggregation.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { DashboardModule } from './modules/dashboard/dashboard.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { QueueBoardModule } from './modules/queue-board/queue-board.module';
import { IndicatorsModule } from './modules/indicators/indicators.module';
import { OrgUnitsModule } from './modules/org-units/org-units.module';
import { PlansModule } from './modules/plans/plans.module';
import { ReportsModule } from './modules/reports/reports.module';
import { RollupsModule } from './modules/rollups/rollups.module';
import { SummaryReportsModule } from './modules/summary-reports/summary-reports.module';
import { TenantDataModule } from './modules/tenant-data/tenant-data.module';
import { TenantsModule } from './modules/tenants/tenants.module';
import { UsersModule } from './modules/users/users.module';

/** The api's root module; `AppModule.forRoot(config)` so tests build it with their own configuration. */
@Module({})
export class AppModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        DatabaseModule,
        RedisModule,
        TenancyModule,
        AuditModule,
        AggregationModule,
        AuthModule,
        TenantsModule,
        TenantDataModule,
        UsersModule,
        OrgUnitsModule,
        IndicatorsModule,
        ReportsModule,
        RollupsModule,
        DashboardModule,
        QueueBoardModule,
        NotificationsModule,
        PlansModule,
        SummaryReportsModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: API_CONFIG, useValue: config },
        TokenService,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_INTERCEPTOR, useClass: TenantContextInterceptor },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
      ],
      exports: [API_CONFIG, TokenService],
    };
  }
}
