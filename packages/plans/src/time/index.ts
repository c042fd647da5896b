export * from './dates';
export * from './expressions';
