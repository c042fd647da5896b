export * from './admin-units';
export * from './demo-hierarchy';
