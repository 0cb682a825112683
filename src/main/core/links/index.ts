export * from './externalUrl';
