/**
 * What logs may hold: no full phone number, no sign-in code, no token, password or cookie (PIPL;
 * DESIGN: erasure leaves no copy of a phone anywhere, logs included). Everything written to a log
 * passes through here: the request and response of each line, errors, and messages.
 */

/** A mainland mobile, optionally after 86 / +86 (also URL-encoded), not inside a longer run of digits. */
const PHONE = /(?<![0-9])(?:(?:\+|%2B)?86[- ]?)?(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])/gi;
/** A JWT (header.payload.signature, base64url). */
const JWT = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
/** Secrets passed by name, in a query string or a JSON text: `token=…`, `"password":"…"`. */
const NAMED_SECRET = /((?:^|[?&;,{\s"'])(?:token|access_?token|password|secret|signature|cookie)["']?\s*[=:]\s*["']?)[^&;,"'\s}]+/gi;
/** A code by name, when it is digits (`code=123456`, `"code":"123456"`; `"code":"SHIFT_FULL"` stays). */
const NAMED_CODE = /((?:^|[?&;,{\s"'])code["']?\s*[=:]\s*["']?)[0-9]{4,8}(?![0-9])/gi;
/** A code in an SMS text: 验证码是123456. */
const CODE_IN_TEXT = /(验证码[^0-9]{0,6})[0-9]{4,8}/g;

/** `13812345678` → `138****5678`, tokens and named secrets → `[redacted]`, in any text. */
export function maskPersonalData(text: string): string {
  return text
    .replace(JWT, '[redacted]')
    .replace(NAMED_SECRET, '$1[redacted]')
    .replace(NAMED_CODE, '$1[redacted]')
    .replace(CODE_IN_TEXT, '$1[redacted]')
    .replace(PHONE, '$1****$2');
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/**
 * Masks every string inside plain data (objects, arrays), to a bounded depth. An error nested in
 * it (a database driver's, whose detail quotes the row: `Key (phone)=(138…)`) is masked as data;
 * other class instances (a request, a response) are left whole for their serializers to reduce.
 */
export function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPersonalData(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => maskDeep(item, depth + 1));
  if (value instanceof Error && depth > 0) {
    return maskDeep({ ...value, type: value.constructor.name, message: value.message, stack: value.stack }, depth);
  }
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, maskDeep(item, depth + 1)]));
}

/** Headers worth a log line; everything else (authorization, cookie, signatures, forwarded addresses) stays out. */
const LOGGED_HEADERS = ['content-type', 'content-length', 'user-agent'] as const;

interface SerializedRequest {
  id?: unknown;
  method?: string;
  url?: string;
  remoteAddress?: string;
  headers?: Record<string, unknown>;
}

/** pino-http's request, reduced to what is safe: the URL masked (its query included), a few plain headers. */
export function requestForLog(request: SerializedRequest) {
  const headers = Object.fromEntries(
    LOGGED_HEADERS.filter((name) => request.headers?.[name] !== undefined).map((name) => [name, request.headers![name]]),
  );
  return {
    id: request.id,
    method: request.method,
    url: typeof request.url === 'string' ? maskPersonalData(request.url) : request.url,
    remoteAddress: request.remoteAddress,
    headers,
  };
}

/** The status only: response headers may set a cookie. */
export function responseForLog(response: { statusCode?: number }) {
  return { statusCode: response.statusCode };
}

/**
 * An error as pino serialises it (an object of its own prototype, so copied here), with every
 * string masked: messages and stacks quote URLs, SQL parameters, phones.
 */
export function errorForLog(error: Record<string, unknown>) {
  return maskDeep({ ...error, message: error.message, stack: error.stack });
}
