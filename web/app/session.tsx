import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, readCsrfCookie, setSignedOutHandler } from '../api/client.js';
import { api } from '../api/endpoints.js';
import type { SessionInfo } from '../api/types.js';
import { storedLocale } from '../i18n/index.js';
import { useLocale } from './locale.js';

/**
 * `secondFactor`: the password is right and the code of the authenticator app is outstanding;
 * `password`: the password is expired or an administrator set it, and must be changed first;
 * `enrol`: the user's role requires a second factor they have not set up (the server refuses all else).
 */
type Status = 'loading' | 'signedIn' | 'signedOut' | 'secondFactor' | 'password' | 'enrol';

// The server's order (mfa.gate.ts): the second step, then a new password, then enrolment.
const statusOf = (info: SessionInfo): Status =>
  info.mfa.pending
    ? 'secondFactor'
    : info.password.mustChange
      ? 'password'
      : info.mfa.enrolmentRequired
        ? 'enrol'
        : 'signedIn';

interface SessionContextValue {
  status: Status;
  session: SessionInfo | null;
  /** Why the user was sent to the sign-in page (expired session…), shown there until the next sign-in. */
  notice: ApiError | null;
  signIn(username: string, password: string, challenge?: string): Promise<void>;
  /** The second step of the sign-in, or the session after enrolling: the server's answer decides. */
  adopt(info: SessionInfo): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/** The signed-in session; only for pages rendered inside the authenticated shell. */
export function useSignedIn(): SessionInfo {
  const { session } = useSession();
  if (!session) throw new Error('useSignedIn without a session');
  return session;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const { setLocale } = useLocale();
  const [status, setStatus] = useState<Status>('loading');
  const [session, setSession] = useState<SessionInfo | null>(null);
  const [notice, setNotice] = useState<ApiError | null>(null);

  const signedOut = useCallback((why: ApiError | null) => {
    setSession(null);
    setStatus('signedOut');
    // Calls in flight when a session expires answer "expired" first and "not signed in" after (the server
    // drops the session on the first); the first reason is the one worth showing.
    setNotice((prev) => (why && prev?.code === 'auth.session_expired' ? prev : why));
  }, []);

  // A language chosen on this device wins and is saved to the account; otherwise the account's applies.
  const adoptLocale = useCallback(
    async (info: SessionInfo) => {
      const local = storedLocale();
      if (!local) await setLocale(info.user.locale);
      else if (local !== info.user.locale) await api.setPreferences(local).catch(() => undefined);
    },
    [setLocale],
  );

  useEffect(() => {
    setSignedOutHandler((err) => signedOut(err));
    return () => setSignedOutHandler(null);
  }, [signedOut]);

  useEffect(() => {
    // Without the CSRF cookie there is no session to ask about; skip the certain 401.
    if (!readCsrfCookie()) {
      signedOut(null);
      return;
    }
    api
      .session()
      .then(async (info) => {
        await adoptLocale(info);
        setSession(info);
        setStatus(statusOf(info));
      })
      .catch((err: unknown) =>
        signedOut(err instanceof ApiError && err.code === 'auth.session_expired' ? err : null),
      );
  }, [signedOut, adoptLocale]);

  const signIn = useCallback(
    async (username: string, password: string, challenge?: string) => {
      const info = await api.login(username, password, challenge);
      await adoptLocale(info);
      setNotice(null);
      setSession(info);
      setStatus(statusOf(info));
    },
    [adoptLocale],
  );

  const adopt = useCallback(async (info: SessionInfo) => {
    setSession(info);
    setStatus(statusOf(info));
  }, []);

  const signOut = useCallback(async () => {
    // An already-ended session is as good as signed out.
    await api.logout().catch(() => undefined);
    signedOut(null);
  }, [signedOut]);

  const value = useMemo(
    () => ({ status, session, notice, signIn, adopt, signOut }),
    [status, session, notice, signIn, adopt, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
