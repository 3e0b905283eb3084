import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { DynamicModule, Logger, Module } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { RedisSettings } from '@lingong/config';
import { defaultJobOptions, QueueName } from './queues';

const connectionTrouble = new Logger('Queues');

/** BullMQ on the configured Redis, with the project's prefix (tests give each file its own). */
@Module({})
export class QueueModule {
  static forRoot(queues: QueueName[]): DynamicModule {
    return {
      module: QueueModule,
      imports: [
        BullModule.forRootAsync({
          inject: [RedisSettings],
          useFactory: (redis: RedisSettings) => ({
            prefix: redis.QUEUE_PREFIX,
            connection: { host: redis.REDIS_HOST, port: redis.REDIS_PORT, password: redis.REDIS_PASSWORD },
          }),
        }),
        ...queues.map((name) => BullModule.registerQueue({ name, defaultJobOptions: defaultJobOptions[name] })),
      ],
      providers: [
        {
          // Without a listener BullMQ prints every reconnect attempt; processors report outages instead.
          provide: 'QUEUE_ERROR_LISTENERS',
          inject: queues.map((name) => getQueueToken(name)),
          useFactory: (...registered: Queue[]) => {
            for (const queue of registered) queue.on('error', (error) => connectionTrouble.debug(`${queue.name}: ${error.message}`));
            return registered.length;
          },
        },
      ],
      exports: [BullModule],
    };
  }
}
