/**
 * Why a document was refused. The conditions follow the XMPP stream errors the same parser will feed
 * (RFC 6120 §4.9.3): `not-well-formed` for syntax, `restricted-xml` for DTDs, entity declarations and
 * processing instructions (§11.1), `policy-violation` for our own size limits, `unsupported-encoding`
 * for anything that is not UTF-8 (§11.6).
 */
export type XmlErrorCondition = 'not-well-formed' | 'restricted-xml' | 'policy-violation' | 'unsupported-encoding';

export class XmlError extends Error {
  constructor(readonly condition: XmlErrorCondition, message: string) {
    super(message);
    this.name = 'XmlError';
  }
}
