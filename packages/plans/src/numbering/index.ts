export * from './symbol';
