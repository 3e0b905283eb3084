import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { RedisSettings } from '@lingong/config';
import { defaultJobOptions, QueueName } from './queues';

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
      exports: [BullModule],
    };
  }
}
