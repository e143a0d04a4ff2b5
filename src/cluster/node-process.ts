// One Poise node run as a child process (`src/cli.ts` with flags), as the pair launcher, the failover tests and
// the failover benchmark run them: started, watched until it says it is ready, killed by its PID.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));
/** `src/cli.ts` prints this line once every service listens. */
const READY_LINE = /^Poise node started in /m;

export interface NodeProcessOptions {
  /** Shown in the launcher's output and in errors. */
  readonly label: string;
  /** `--name=value` flags of `src/cli.ts`. */
  readonly flags: Readonly<Record<string, string | number>>;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Every line the node writes, for a launcher that shows them. */
  readonly onLine?: (line: string) => void;
}

export class NodeProcess {
  readonly #child: ChildProcess;
  readonly exited: Promise<number | null>;
  readonly ready: Promise<void>;
  #output = '';

  constructor(readonly options: NodeProcessOptions) {
    const argv = ['--import', 'tsx', CLI, ...Object.entries(options.flags).map(([k, v]) => `--${k}=${v}`)];
    this.#child = spawn(process.execPath, argv, {
      env: withoutUnset({ ...process.env, POISE_LOG_LEVEL: 'warn', ...options.env }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.exited = new Promise((resolve) => this.#child.once('exit', (code) => resolve(code)));
    this.ready = new Promise((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        this.#output = (this.#output + text).slice(-20_000);
        for (const line of text.split('\n')) if (line !== '') options.onLine?.(line);
        if (READY_LINE.test(this.#output)) resolve();
      };
      this.#child.stdout?.on('data', onData);
      this.#child.stderr?.on('data', onData);
      void this.exited.then((code) => reject(new Error(`${options.label} exited (${code}) before it was ready:\n${this.#output}`)));
    });
    this.ready.catch(() => {});   // a caller that never waits must not get an unhandled rejection
  }

  get pid(): number | undefined { return this.#child.pid; }
  /** The last lines the node wrote (for failure messages). */
  get output(): string { return this.#output; }
  get running(): boolean { return this.#child.exitCode === null && this.#child.signalCode === null; }

  /** SIGKILL: the node dies as a crashed machine's would, closing nothing. */
  kill(): Promise<number | null> {
    if (this.running) this.#child.kill('SIGKILL');
    return this.exited;
  }

  /** SIGTERM: the node closes its services; SIGKILL if it has not gone within the grace time. */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.running) return;
    this.#child.kill('SIGTERM');
    const timer = setTimeout(() => this.#child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/** An env entry set to undefined is removed (spawn would pass the text "undefined"). */
function withoutUnset(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined) out[key] = value;
  return out;
}
