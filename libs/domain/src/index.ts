export * from './phone';
export * from './resident-id';
export * from './credit-code';
export * from './datetime';
export * from './validation.decorators';
export * from './catalog';
export * from './market-time';
