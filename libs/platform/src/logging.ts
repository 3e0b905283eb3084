import { LoggerModule } from 'nestjs-pino';
import { RuntimeSettings } from '@lingong/config';
import { errorForLog, maskDeep, requestForLog, responseForLog } from './log-redaction';

/**
 * pino options for every app: requests, responses and errors through the redacting serializers,
 * and every message and logged object masked (log-redaction.ts), whoever logs it.
 */
export function pinoOptions(service: string, level: string) {
  return {
    name: service,
    level,
    serializers: { req: requestForLog, res: responseForLog, err: errorForLog },
    hooks: {
      logMethod(this: unknown, args: unknown[], method: (...args: unknown[]) => void) {
        method.apply(
          this,
          args.map((arg) => maskDeep(arg)),
        );
      },
    },
  };
}

/** Structured JSON logs (pretty only when asked, for the demo), without phones, tokens or codes in them. */
export function loggingModule(service: string) {
  return LoggerModule.forRootAsync({
    inject: [RuntimeSettings],
    useFactory: (runtime: RuntimeSettings) => {
      const options = {
        ...pinoOptions(service, runtime.NODE_ENV === 'test' && runtime.LOG_LEVEL === 'info' ? 'warn' : runtime.LOG_LEVEL),
        autoLogging: { ignore: (req: { url?: string }) => req.url?.startsWith('/health') ?? false },
        transport: runtime.LOG_PRETTY
          ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,name' } }
          : undefined,
      };
      return { pinoHttp: options };
    },
  });
}
