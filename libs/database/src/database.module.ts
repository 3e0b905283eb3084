import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseSettings } from '@lingong/config';
import { dataSourceOptions } from './data-source-options';

/** TypeORM on the shared database with the entities this app reads or owns. */
@Module({})
export class DatabaseModule {
  static forRoot(entities: Parameters<typeof dataSourceOptions>[1]): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [DatabaseSettings],
          useFactory: (settings: DatabaseSettings) => dataSourceOptions(settings, entities),
        }),
      ],
    };
  }
}
