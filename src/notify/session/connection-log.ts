// A connection's logger, made only when it first logs at an enabled level. A pino child costs about 2 kB (a
// bound function per level, its bindings, its own property table); at 10,000 idle sessions that was a tenth of
// the service's memory, for loggers that mostly never write (STYLE.md: one child logger per connection).
import type { Logger } from '../../shared/logger.ts';

type Level = 'debug' | 'info' | 'warn' | 'error';

/** What sessions and transports log through; a pino Logger is one too. */
export interface ConnectionLog {
  debug(obj: object, msg?: string): void;
  debug(msg: string): void;
  info(obj: object, msg?: string): void;
  info(msg: string): void;
  warn(obj: object, msg?: string): void;
  warn(msg: string): void;
  error(obj: object, msg?: string): void;
  error(msg: string): void;
}

export class LazyConnectionLog implements ConnectionLog {
  #child: Logger | undefined;

  constructor(private readonly parent: Logger, private readonly bindings: Readonly<Record<string, string>>) {}

  debug(objOrMsg: object | string, msg?: string): void { this.#write('debug', objOrMsg, msg); }
  info(objOrMsg: object | string, msg?: string): void { this.#write('info', objOrMsg, msg); }
  warn(objOrMsg: object | string, msg?: string): void { this.#write('warn', objOrMsg, msg); }
  error(objOrMsg: object | string, msg?: string): void { this.#write('error', objOrMsg, msg); }

  #write(level: Level, objOrMsg: object | string, msg: string | undefined): void {
    if (!this.parent.isLevelEnabled(level)) return;
    this.#child ??= this.parent.child(this.bindings);
    if (typeof objOrMsg === 'string') this.#child[level](objOrMsg);
    else this.#child[level](objOrMsg, msg);
  }
}
