export * from './updateAvailability';
export * from './updateController';
export * from './updateErrorText';
export type * from './updaterPort';
