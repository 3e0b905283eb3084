import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { ENV_FILES, loadSettings, type SettingsClass } from './load-settings';

/**
 * Validated, typed settings as injectable classes: `constructor(private readonly db: DatabaseSettings)`.
 * @nestjs/config reads the environment and the env files when the app module is imported; every
 * class is validated then, so a bad setting stops the app with one message listing the problems.
 */
@Module({})
export class SettingsModule {
  static forRoot(classes: SettingsClass[]): DynamicModule {
    return {
      module: SettingsModule,
      global: true,
      imports: [
        ConfigModule.forRoot({
          envFilePath: [...ENV_FILES],
          cache: true,
          // Keeps each validated instance under its class name, beside the raw variables.
          validate: (env) => ({ ...env, ...Object.fromEntries([...loadSettings(classes, env)].map(([cls, value]) => [cls.name, value])) }),
        }),
      ],
      providers: classes.map((cls) => ({
        provide: cls,
        inject: [ConfigService],
        useFactory: (config: ConfigService) => config.get(cls.name) as object,
      })),
      exports: classes,
    };
  }
}
