export * from './bridge';
export * from './channels';
export * from './envelope';
export * from './handlers';
export * from './payloads';
