import type { ErrorCode } from '../../common/error-codes.js';

export interface FieldError {
  in: string;
  /** JSON Pointer into the request part, e.g. /newPassword or /roles/0/platformId. */
  pointer: string;
  code: string;
  message: string;
}

interface Problem {
  type?: string;
  title?: string;
  status?: number;
  code?: string;
  detail?: string;
  requestId?: string;
  errors?: FieldError[];
}

/** A failed call: the server's RFC 9457 problem, or a network failure (status 0, code 'network.unreachable'). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'network.unreachable' | 'response.unexpected';
  readonly title: string;
  readonly detail: string | undefined;
  readonly requestId: string | undefined;
  readonly fieldErrors: FieldError[];
  /** The whole problem body, for members some routes add (an import's rowErrors). */
  readonly problem: Readonly<Record<string, unknown>>;

  constructor(status: number, problem: Problem) {
    super(problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = (problem.code ?? 'response.unexpected') as ApiError['code'];
    this.title = problem.title ?? '';
    this.detail = problem.detail;
    this.requestId = problem.requestId;
    this.fieldErrors = problem.errors ?? [];
    this.problem = problem as Record<string, unknown>;
  }
}

const SIGNED_OUT_CODES = new Set(['auth.session_expired', 'auth.not_signed_in']);
let onSignedOut: ((err: ApiError) => void) | null = null;

/** The session layer registers here to be told when any call finds the session gone. */
export function setSignedOutHandler(handler: ((err: ApiError) => void) | null): void {
  onSignedOut = handler;
}

export function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

export const CSRF_COOKIE = 'cl_csrf';
/** The CSRF cookie: `__Host-cl_csrf` when the server runs with COOKIE_SECURE=true, else `cl_csrf`. */
export const readCsrfCookie = (): string | null =>
  readCookie(`__Host-${CSRF_COOKIE}`) ?? readCookie(CSRF_COOKIE);

type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** A multipart/form-data body (file uploads); the browser sets the content type with its boundary. */
  form?: FormData;
  /** Do not report a 401 to the session layer (the sign-in call and the initial session probe). */
  quiet401?: boolean;
}

function withQuery(url: string, query: Query | undefined): string {
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${url}?${s}` : url;
}

/** Calls the API with the session cookie; writes echo the CSRF cookie in x-csrf-token. */
export async function request<T>(method: string, url: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await send(method, url, opts, headers);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** A file the API sends (exports, templates), with the name from its content-disposition. */
export interface DownloadedFile {
  blob: Blob;
  filename: string;
}

/** GETs a file; failures are the same ApiErrors as for JSON calls. */
export async function download(url: string, query?: Query): Promise<DownloadedFile> {
  const res = await send('GET', url, { query }, { accept: '*/*' });
  const disposition = res.headers.get('content-disposition') ?? '';
  // The exact UTF-8 name (filename*, RFC 8187) first: `filename` is only the ASCII fallback, in which
  // every Chinese character is an underscore.
  const name =
    /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] ?? /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  return { blob: await res.blob(), filename: name ? decodeURIComponent(name) : url.split('/').pop()! };
}

async function send(
  method: string,
  url: string,
  opts: RequestOptions,
  headers: Record<string, string>,
): Promise<Response> {
  if (method !== 'GET' && method !== 'HEAD') {
    const csrf = readCsrfCookie();
    if (csrf) headers['x-csrf-token'] = csrf;
  }
  let res: Response;
  try {
    res = await fetch(withQuery(url, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.form ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
    });
  } catch {
    throw new ApiError(0, { code: 'network.unreachable' });
  }
  if (res.ok) return res;
  const problem = await readProblem(res);
  const err = new ApiError(res.status, problem);
  if (res.status === 401 && !opts.quiet401 && SIGNED_OUT_CODES.has(err.code)) onSignedOut?.(err);
  throw err;
}

async function readProblem(res: Response): Promise<Problem> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      return (await res.json()) as Problem;
    } catch {
      // fall through: a proxy's broken body is still an error with a status
    }
  }
  return { status: res.status, requestId: res.headers.get('x-request-id') ?? undefined };
}
