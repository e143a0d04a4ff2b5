// Topic names of the OpenAjax Hub 2.0 (desktop-and-gadgets.md §4.1): dot-separated non-empty tokens. A
// subscription may use `*` for exactly one token and, in last position only, `**` for one or more trailing
// tokens. Pure: no DOM, tested in node.

/** A topic a client may publish on: no wildcard, no empty token (so no `..`, no leading or trailing dot). */
export function isValidPublishTopic(topic: unknown): topic is string {
  if (typeof topic !== 'string' || topic === '') return false;
  return topic.split('.').every((token) => token !== '' && !token.includes('*'));
}

/** A topic a client may subscribe to: tokens, `*` tokens anywhere, `**` as the last token only. */
export function isValidSubscribeTopic(topic: unknown): topic is string {
  if (typeof topic !== 'string' || topic === '') return false;
  const tokens = topic.split('.');
  return tokens.every((token, index) => {
    if (token === '') return false;
    if (token === '**') return index === tokens.length - 1;
    return token === '*' || !token.includes('*');
  });
}

/** Whether a published topic matches a subscription topic (both already valid). */
export function topicMatches(subscription: string, topic: string): boolean {
  const pattern = subscription.split('.');
  const tokens = topic.split('.');
  for (let i = 0; i < pattern.length; i++) {
    const want = pattern[i];
    if (want === '**') return tokens.length > i;   // one or more tokens remain
    const got = tokens[i];
    if (got === undefined) return false;
    if (want !== '*' && want !== got) return false;
  }
  return pattern.length === tokens.length;
}
