export * from './events';
export * from './queues';
export * from './queue.module';
export * from './queue-processor';
