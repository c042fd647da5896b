import type {
  DataSource,
  DeepPartial,
  EntityManager,
  EntityTarget,
  FindManyOptions,
  FindOneOptions,
  FindOptionsWhere,
  ObjectLiteral,
  Repository,
  SelectQueryBuilder,
} from 'typeorm';
import { TenantContext } from './tenant-context';

type Where<T> = FindOptionsWhere<T> | FindOptionsWhere<T>[];

/**
 * The only way feature code reaches a tenant-owned table. Every read and write carries the tenant of the
 * current context (a request's token or a job's payload); there is no method that takes a tenant id from
 * the caller. Reads of another tenant's row simply find nothing, which the API answers with 404.
 */
export class TenantRepository<T extends ObjectLiteral & { tenantId: string }> {
  constructor(
    private readonly target: EntityTarget<T>,
    private readonly manager: EntityManager,
  ) {}

  get tenantId(): string {
    return TenantContext.current().tenantId;
  }

  private get repo(): Repository<T> {
    return this.manager.getRepository(this.target);
  }

  /** The same repository bound to a transaction's manager. */
  withManager(manager: EntityManager): TenantRepository<T> {
    return new TenantRepository(this.target, manager);
  }

  private scope(where: Where<T> | undefined): Where<T> {
    const tenantId = this.tenantId;
    if (Array.isArray(where)) return where.map((w) => ({ ...w, tenantId }) as FindOptionsWhere<T>);
    return { ...(where ?? {}), tenantId } as FindOptionsWhere<T>;
  }

  find(options: FindManyOptions<T> = {}): Promise<T[]> {
    return this.repo.find({ ...options, where: this.scope(options.where as Where<T> | undefined) });
  }

  findAndCount(options: FindManyOptions<T> = {}): Promise<[T[], number]> {
    return this.repo.findAndCount({ ...options, where: this.scope(options.where as Where<T> | undefined) });
  }

  findOne(options: FindOneOptions<T>): Promise<T | null> {
    return this.repo.findOne({ ...options, where: this.scope(options.where as Where<T> | undefined) });
  }

  findOneBy(where: FindOptionsWhere<T>): Promise<T | null> {
    return this.repo.findOneBy(this.scope(where) as FindOptionsWhere<T>);
  }

  count(where?: FindOptionsWhere<T>): Promise<number> {
    return this.repo.countBy(this.scope(where) as FindOptionsWhere<T>);
  }

  exists(where: FindOptionsWhere<T>): Promise<boolean> {
    return this.repo.existsBy(this.scope(where) as FindOptionsWhere<T>);
  }

  /** Builds the entity with the context's tenant (a tenantId given by the caller is overwritten). */
  create(values: DeepPartial<T>): T {
    return this.repo.create({ ...values, tenantId: this.tenantId } as DeepPartial<T>);
  }

  async save(entity: T): Promise<T> {
    if (entity.tenantId !== this.tenantId) {
      throw new Error('Refusing to save a row of another tenant');
    }
    return this.repo.save(entity);
  }

  async insertMany(rows: DeepPartial<T>[]): Promise<void> {
    if (rows.length === 0) return;
    const tenantId = this.tenantId;
    await this.repo.insert(rows.map((r) => ({ ...r, tenantId })) as never);
  }

  async update(where: FindOptionsWhere<T>, patch: DeepPartial<T>): Promise<number> {
    const { tenantId: _ignored, ...rest } = patch as DeepPartial<T> & { tenantId?: string };
    const result = await this.repo.update(this.scope(where) as FindOptionsWhere<T>, rest as never);
    return result.affected ?? 0;
  }

  async delete(where: FindOptionsWhere<T>): Promise<number> {
    const result = await this.repo.delete(this.scope(where) as FindOptionsWhere<T>);
    return result.affected ?? 0;
  }

  /** A query builder already restricted to the tenant: `alias.tenant_id = :tenantId`. */
  query(alias: string): SelectQueryBuilder<T> {
    return this.repo
      .createQueryBuilder(alias)
      .where(`${alias}.tenantId = :__tenantId`, { __tenantId: this.tenantId });
  }
}

/** Hands out tenant repositories; injected into feature repositories instead of raw TypeORM ones. */
export class TenantDataSource {
  constructor(readonly dataSource: DataSource) {}

  repository<T extends ObjectLiteral & { tenantId: string }>(target: EntityTarget<T>): TenantRepository<T> {
    return new TenantRepository(target, this.dataSource.manager);
  }

  /** Runs `fn` in a transaction; repositories made from the given factory share it. */
  transaction<R>(
    fn: (tx: { repository: <T extends ObjectLiteral & { tenantId: string }>(t: EntityTarget<T>) => TenantRepository<T>; manager: EntityManager }) => Promise<R>,
  ): Promise<R> {
    TenantContext.current();
    return this.dataSource.transaction((manager) =>
      fn({ repository: (t) => new TenantRepository(t, manager), manager }),
    );
  }
}
