import { LoggerModule } from 'nestjs-pino';
import { RuntimeSettings } from '@lingong/config';

/** Structured JSON logs (pretty only when asked, for the demo), without tokens or codes in them. */
export function loggingModule(service: string) {
  return LoggerModule.forRootAsync({
    inject: [RuntimeSettings],
    useFactory: (runtime: RuntimeSettings) => ({
      pinoHttp: {
        name: service,
        level: runtime.NODE_ENV === 'test' && runtime.LOG_LEVEL === 'info' ? 'warn' : runtime.LOG_LEVEL,
        redact: ['req.headers.authorization', 'req.headers.cookie'],
        autoLogging: { ignore: (req: { url?: string }) => req.url?.startsWith('/health') ?? false },
        transport: runtime.LOG_PRETTY
          ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,name' } }
          : undefined,
      },
    }),
  });
}
