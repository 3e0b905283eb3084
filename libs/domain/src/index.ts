export * from './rules';
export * from './validation.decorators';
