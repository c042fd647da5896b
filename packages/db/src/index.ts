export * from './entities';
export * from './tenancy/tenant-context';
export * from './tenancy/tenant-repository';
export * from './data-source';
export * from './database-admin';
export * from './reference';
export * from './aggregation';
export * from './reporting/completeness';
