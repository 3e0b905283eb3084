/**
 * The pure rules and catalogues, with no dependency at all: what the pages import (through the
 * `@lingong/domain` alias of the client's Vite build) as well as the services. The validation
 * decorators, which need class-validator, are exported by the index beside this, not from here.
 */
export * from './phone';
export * from './resident-id';
export * from './credit-code';
export * from './datetime';
export * from './catalog';
export * from './market-time';
export * from './minimum-wage';
export * from './labour-law';
export * from './reliability';
export * from './attendance';
export * from './person-name';
export * from './sms-consent';
export * from './shift-limits';
export * from './booking-terms';
