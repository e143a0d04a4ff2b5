// SASL PLAIN (RFC 4616): `[authzid] NUL authcid NUL passwd`, base64 in `<auth>` (RFC 6120 §6.4.2). Pure.

export type PlainMessage =
  | { ok: true; authzid: string; authcid: string; password: string }
  | { ok: false; condition: 'incorrect-encoding' | 'malformed-request' };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const MAX_FIELD = 255 * 4; // RFC 4616 §2: 255 UTF-8 characters each

export function decodePlain(text: string): PlainMessage {
  const b64 = text.trim();
  // RFC 6120 §6.4.2: "=" stands for an empty response, which carries no credentials.
  if (b64 === '' || b64 === '=' || !BASE64.test(b64) || b64.length % 4 !== 0) return { ok: false, condition: 'incorrect-encoding' };
  const bytes = Buffer.from(b64, 'base64');
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, condition: 'incorrect-encoding' };
  }
  const parts = decoded.split('\0');
  if (parts.length !== 3) return { ok: false, condition: 'malformed-request' };
  const [authzid = '', authcid = '', password = ''] = parts;
  if (authcid === '' || password === '' || [authzid, authcid, password].some((p) => p.length > MAX_FIELD)) {
    return { ok: false, condition: 'malformed-request' };
  }
  return { ok: true, authzid, authcid, password };
}
