// The client log as text: one line per message gadgets published on `finesse.clientLogging.<gadget>` (§4.2). Pure.

export interface ClientLogLine { topic: string; at: number; message: unknown }

const MAX_LOG_CHARS = 1_048_576; // rest-api.md §1.5

export function formatClientLog(lines: readonly ClientLogLine[]): string {
  const text = lines.map(({ topic, at, message }) => {
    const source = topic.replace(/^finesse\.clientLogging\./, '');
    const body = typeof message === 'string' ? message : JSON.stringify(message);
    return `${new Date(at).toISOString()} [${source}] ${body}`;
  }).join('\n');
  return text.length > MAX_LOG_CHARS ? text.slice(text.length - MAX_LOG_CHARS) : text; // keep the newest
}
