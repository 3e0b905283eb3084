export * from './events';
export * from './queues';
export * from './queue.module';
export * from './queue-processor';
export * from './kiosk-stream';
