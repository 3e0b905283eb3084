export * from './account';
export * from './decorators';
export * from './access.guard';
export * from './identity.module';
export * from './service-token';
export * from './account-standing';
export * from './sealed-text';
