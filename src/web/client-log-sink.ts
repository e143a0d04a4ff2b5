// Where uploaded desktop logs go: one file per upload, named with the user id (rest-api.md §9 [Poise]).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface ClientLogSink {
  write(userid: string, logData: string, at: Date): Promise<string>;
}

export function directoryClientLogSink(dir: string): ClientLogSink {
  let sequence = 0;
  return {
    async write(userid, logData, at) {
      await mkdir(dir, { recursive: true });
      const safeId = userid.replace(/[^A-Za-z0-9_.-]/g, '_');
      const name = `${safeId}-${at.toISOString().replaceAll(':', '-')}-${++sequence}.log`;
      await writeFile(path.join(dir, name), logData, { mode: 0o600 });
      return name;
    },
  };
}
