// The desktop's client log: the lines gadgets publish on `finesse.clientLogging.<gadget>` (desktop-and-gadgets.md
// §4.2), sent on request to the server's ClientLog (rest-api.md §9) so support can read them.
import { formatClientLog, type ClientLogLine } from './client-log-format.ts';
import { escapeXml, restCall } from './rest.ts';

/** True when the server took the log (202). */
export async function sendClientLog(userId: string, auth: string, lines: readonly ClientLogLine[]): Promise<boolean> {
  const body = `<ClientLog><logData>${escapeXml(formatClientLog(lines))}</logData></ClientLog>`;
  try {
    const answer = await restCall('POST', `/finesse/api/User/${encodeURIComponent(userId)}/ClientLog`, auth, { body });
    return answer.status === 202 || answer.status === 200;
  } catch {
    return false;
  }
}
