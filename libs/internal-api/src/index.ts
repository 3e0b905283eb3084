export * from './routes';
export * from './client';
