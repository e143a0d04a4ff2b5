// JIDs as Poise needs them (RFC 7622): parsed without trusting the input, localparts compared in lower case
// because Finesse clients lower-case the id and Openfire lower-cases usernames (notifications.md R9).

export interface Jid { local: string; domain: string; resource: string }

const MAX_PART = 1023; // RFC 7622 §3.1: each part at most 1023 octets

export function parseJid(text: string): Jid | undefined {
  const slash = text.indexOf('/');
  const bare = slash < 0 ? text : text.slice(0, slash);
  const resource = slash < 0 ? '' : text.slice(slash + 1);
  const at = bare.indexOf('@');
  const local = at < 0 ? '' : bare.slice(0, at);
  const domain = (at < 0 ? bare : bare.slice(at + 1)).toLowerCase();
  if (domain === '' || (at >= 0 && local === '') || (slash >= 0 && resource === '')) return undefined;
  if (local.length > MAX_PART || domain.length > MAX_PART || resource.length > MAX_PART) return undefined;
  if (/[@/\s]/.test(domain) || /[@/\s"&'<>:]/.test(local)) return undefined;
  return { local: local.toLowerCase(), domain, resource };
}

export const bareJid = (jid: Pick<Jid, 'local' | 'domain'>): string => (jid.local ? `${jid.local}@${jid.domain}` : jid.domain);
export const fullJid = (jid: Jid): string => (jid.resource ? `${bareJid(jid)}/${jid.resource}` : bareJid(jid));
