export * from './bootstrap';
export * from './clock';
export * from './errors/domain.exception';
export * from './errors/api-exception.filter';
export * from './platform.module';
export * from './validation';
export * from './cursor';
