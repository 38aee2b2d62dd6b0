// A small typed fetch client for /api/v1: cookie session, Accept-Language, ApiError on every non-2xx.
import type { ErrorBody, ErrorDetail } from './types.ts';

export const API_BASE = '/api/v1';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];
  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.details = body.details ?? [];
  }
}

let currentLocale = 'zh-CN';
/** Set by the i18n provider so every request carries the user's UI language. */
export function setApiLocale(locale: string): void {
  currentLocale = locale;
}

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler = () => {
  if (!window.location.pathname.startsWith('/login')) {
    const next = window.location.pathname + window.location.search;
    window.location.assign(`/login?next=${encodeURIComponent(next)}`);
  }
};
/** The app installs a router-aware handler; the default does a full page redirect to /login. */
export function setUnauthorizedHandler(h: UnauthorizedHandler): void {
  onUnauthorized = h;
}

export type QueryValue = string | number | boolean | null | undefined;

export function toQuery(params: Record<string, QueryValue> | object | undefined): string {
  if (!params) return '';
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params as Record<string, QueryValue>)) {
    if (v === undefined || v === null || v === '') continue;
    sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  body?: unknown;
  query?: object;
  /** Do not redirect to /login on 401 (login form, password change). */
  noAuthRedirect?: boolean;
  signal?: AbortSignal;
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: ErrorBody = { code: `http.${res.status}`, message: res.statusText || `HTTP ${res.status}`, details: [] };
  try {
    const text = await res.text();
    if (text) {
      const parsed = JSON.parse(text) as Partial<ErrorBody>;
      if (parsed && typeof parsed === 'object' && typeof parsed.message === 'string') {
        body = {
          code: typeof parsed.code === 'string' ? parsed.code : body.code,
          message: parsed.message,
          details: Array.isArray(parsed.details) ? parsed.details : [],
        };
      }
    }
  } catch {
    /* non-JSON error body: keep the status text */
  }
  return new ApiError(res.status, body);
}

async function send(path: string, opts: RequestOptions, accept: string): Promise<Response> {
  const headers: Record<string, string> = { 'Accept-Language': currentLocale, Accept: accept };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) {
    body = opts.body;
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(API_BASE + path + toQuery(opts.query), {
      method: opts.method ?? (body ? 'POST' : 'GET'),
      credentials: 'include',
      headers,
      body,
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, { code: 'network', message: '', details: [] });
  }
  if (!res.ok) {
    const err = await toApiError(res);
    if (res.status === 401 && !opts.noAuthRedirect) onUnauthorized();
    throw err;
  }
  return res;
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(path, opts, 'application/json');
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Fetch a file (export, template) with the session and language, and save it in the browser. */
export async function download(path: string, query?: object, fallbackName = 'download.xlsx'): Promise<void> {
  const res = await send(path, { query }, '*/*');
  const blob = await res.blob();
  const cd = res.headers.get('Content-Disposition') ?? '';
  let name = fallbackName;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  if (star?.[1]) name = decodeURIComponent(star[1]);
  else if (plain?.[1]) name = plain[1];
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
