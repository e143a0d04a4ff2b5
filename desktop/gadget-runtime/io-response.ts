// The gadget side of /gadgets/makeRequest (desktop-and-gadgets.md §3.3): the form the runtime posts, and the
// response object handed to the gadget's callback, `{data, text, rc, headers, errors}` as Shindig gives it.
// Pure: the DOM parser is passed in, so node tests cover the rest.

export const UNPARSEABLE_PREFIX = "throw 1; < don't be evil' >";

export const RequestParameters = {
  METHOD: 'METHOD', CONTENT_TYPE: 'CONTENT_TYPE', POST_DATA: 'POST_DATA', HEADERS: 'HEADERS',
  AUTHORIZATION: 'AUTHORIZATION', NUM_ENTRIES: 'NUM_ENTRIES', GET_SUMMARIES: 'GET_SUMMARIES',
  GET_FULL_HEADERS: 'GET_FULL_HEADERS', REFRESH_INTERVAL: 'REFRESH_INTERVAL',
  SIGN_OWNER: 'SIGN_OWNER', SIGN_VIEWER: 'SIGN_VIEWER',
} as const;
export const MethodType = { GET: 'GET', POST: 'POST', PUT: 'PUT', DELETE: 'DELETE', HEAD: 'HEAD' } as const;
export const ContentType = { TEXT: 'TEXT', DOM: 'DOM', JSON: 'JSON', FEED: 'FEED' } as const;
export const AuthorizationType = { NONE: 'NONE', SIGNED: 'SIGNED', OAUTH: 'OAUTH' } as const;

export interface GadgetResponse {
  data: unknown;
  text: string;
  rc: number;
  headers: Record<string, string[]>;
  errors: string[];
}

/** The form fields of one makeRequest call, from the gadget's url and opt_params. */
export function requestForm(url: string, params: Record<string, unknown>, context: { specUrl: string }): URLSearchParams {
  const form = new URLSearchParams();
  const method = String(params[RequestParameters.METHOD] ?? MethodType.GET).toUpperCase();
  form.set('url', url);
  form.set('httpMethod', method);
  const headers = params[RequestParameters.HEADERS];
  if (typeof headers === 'object' && headers !== null) {
    const encoded = new URLSearchParams();
    for (const [name, value] of Object.entries(headers)) if (value !== undefined && value !== null) encoded.append(name, String(value));
    form.set('headers', encoded.toString());
  }
  const postData = params[RequestParameters.POST_DATA];
  if (postData !== undefined && postData !== null) form.set('postData', String(postData));
  form.set('contentType', String(params[RequestParameters.CONTENT_TYPE] ?? ContentType.TEXT));
  form.set('authz', String(params[RequestParameters.AUTHORIZATION] ?? AuthorizationType.NONE).toLowerCase());
  if (params[RequestParameters.GET_FULL_HEADERS]) form.set('getFullHeaders', 'true');
  if (params[RequestParameters.NUM_ENTRIES] !== undefined) form.set('numEntries', String(params[RequestParameters.NUM_ENTRIES]));
  if (params[RequestParameters.GET_SUMMARIES] !== undefined) form.set('getSummaries', String(params[RequestParameters.GET_SUMMARIES]));
  form.set('refresh', String(params[RequestParameters.REFRESH_INTERVAL] ?? 0));
  form.set('gadget', context.specUrl);
  form.set('container', 'default');
  return form;
}

const isOk = (rc: number): boolean => rc >= 200 && rc < 400;

/**
 * The callback's object for the proxy's answer: `status` of the proxy call, its body text, the `url` as sent.
 * A failure at any step becomes `errors`, never an exception.
 */
export function gadgetResponse(status: number, body: string, url: string, contentType: string,
                               parseDom: (xml: string) => unknown): GadgetResponse {
  if (status !== 200) return { data: undefined, text: body, rc: status, headers: {}, errors: [`Error ${status}`] };
  const json = body.startsWith(UNPARSEABLE_PREFIX) ? body.slice(UNPARSEABLE_PREFIX.length) : body;
  let wrapper: unknown;
  try {
    wrapper = JSON.parse(json);
  } catch {
    return { data: undefined, text: body, rc: 500, headers: {}, errors: ['500 Failed to parse the proxy response'] };
  }
  const entry = (typeof wrapper === 'object' && wrapper !== null ? (wrapper as Record<string, unknown>)[url] : undefined);
  if (typeof entry !== 'object' || entry === null) {
    return { data: undefined, text: '', rc: 500, headers: {}, errors: ['500 The proxy answered for another URL'] };
  }
  const fields = entry as Record<string, unknown>;
  const rc = typeof fields.rc === 'number' ? fields.rc : 500;
  const text = typeof fields.body === 'string' ? fields.body : '';
  const headers = headerArrays(fields.headers);
  const errors = isOk(rc) ? [] : [`Error ${rc}`];
  const response: GadgetResponse = { data: undefined, text, rc, headers, errors };
  switch (contentType.toUpperCase()) {
    case ContentType.JSON:
    case ContentType.FEED:
      try {
        response.data = JSON.parse(text);
      } catch {
        if (isOk(rc)) response.errors.push('500 Failed to parse JSON');
      }
      break;
    case ContentType.DOM:
      response.data = parseDom(text);
      break;
    default:
      response.data = text;
  }
  return response;
}

function headerArrays(value: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const [name, values] of Object.entries(value)) {
    if (Array.isArray(values)) out[name.toLowerCase()] = values.filter((v): v is string => typeof v === 'string');
    else if (typeof values === 'string') out[name.toLowerCase()] = [values];
  }
  return out;
}
