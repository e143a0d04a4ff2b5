import { pino, type Logger, type LoggerOptions } from 'pino';

export type { Logger };

/** One root logger per process; each service takes a child with `{ service }`, each connection a child of that. */
export function createRootLogger(level: LoggerOptions['level'] = 'info', destination?: pino.DestinationStream): Logger {
  const options: LoggerOptions = {
    level,
    base: { pid: process.pid },
    redact: {
      paths: ['authorization', 'password', 'pin', '*.authorization', '*.password', '*.pin', 'req.headers.authorization'],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** For tests: a logger that writes nothing. */
export const silentLogger: Logger = pino({ level: 'silent' });
