export * from './parts-columns';
export * from './counted-values';
export * from './indicator-definitions';
export * from './apply-report';
export * from './recompute';
