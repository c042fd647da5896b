export * from './cascade';
