import { DynamicModule, Module } from '@nestjs/common';
import { loadSettings, readEnvFile, SettingsClass } from './load-settings';

const LOADED_SETTINGS = Symbol('LOADED_SETTINGS');

/**
 * Validated, typed settings as injectable classes: `constructor(private readonly db: DatabaseSettings)`.
 * Read and validated once, when the app is created, so a bad setting stops it before it listens.
 */
@Module({})
export class SettingsModule {
  static forRoot(classes: SettingsClass[], overrides: Record<string, string> = {}): DynamicModule {
    const loaded = {
      provide: LOADED_SETTINGS,
      useFactory: () => loadSettings(classes, { ...readEnvFile(), ...process.env, ...overrides }),
    };
    const perClass = classes.map((cls) => ({
      provide: cls,
      inject: [LOADED_SETTINGS],
      useFactory: (settings: Map<SettingsClass, object>) => settings.get(cls),
    }));
    return { module: SettingsModule, global: true, providers: [loaded, ...perClass], exports: classes };
  }
}
