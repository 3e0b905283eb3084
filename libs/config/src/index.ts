export * from './settings';
export * from './load-settings';
export * from './settings.module';
