// A minimal HTTP client for the scripts: one per identity, with the session cookie and the CSRF token a
// signed-in browser would send on writes (server/http/auth.ts).

export const DEMO_PASSWORD = 'Commonlab-demo-2026';

/** The demo accounts of the README, one per role on the NIST demo platform. */
export const DEMO_USERS = [
  'admin',
  'platformadmin',
  'supervisor',
  'director',
  'researcher',
  'officer',
  'applicant',
  'expert',
  'transfer',
  'enterprise',
] as const;

export interface Reply {
  status: number;
  contentType: string;
  text: string;
}

export class Client {
  private cookies = new Map<string, string>();
  constructor(
    readonly baseUrl: string,
    readonly name: string,
  ) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  get csrfToken(): string | undefined {
    return this.cookies.get('__Host-cl_csrf') ?? this.cookies.get('cl_csrf');
  }

  async request(method: string, url: string, body?: unknown): Promise<Reply> {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = this.cookieHeader;
    if (method !== 'GET' && this.csrfToken) headers['x-csrf-token'] = decodeURIComponent(this.csrfToken);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(this.baseUrl + url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: 'manual',
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', text: await res.text() };
  }

  /** Signs in; throws with the server's answer when refused. */
  async signIn(username: string, password = DEMO_PASSWORD): Promise<this> {
    const r = await this.request('POST', '/api/auth/login', { username, password });
    if (r.status !== 200) throw new Error(`sign-in of ${username} refused: ${r.status} ${r.text}`);
    return this;
  }
}

/** Runs tasks with at most `width` in flight. */
export async function pool<T>(items: readonly T[], width: number, task: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}
