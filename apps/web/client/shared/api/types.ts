import type { components } from './schema';

/** Shapes named in the contract's schema components, for the pages that draw them (generated, never written by hand). */
export type Schemas = components['schemas'];
