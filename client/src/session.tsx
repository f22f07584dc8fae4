import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setUnauthorizedHandler, type Member } from './api';
import { clearLocalCopies } from './editor/localCopies';

type SessionState = { status: 'loading' } | { status: 'anonymous' } | { status: 'member'; member: Member };

interface Session {
  state: SessionState;
  /** After a login or a set-up link: the server has set the cookie. */
  signedIn(member: Member): void;
  /** The server no longer knows us (a 401 or a WebSocket closed with 4401); local copies stay. */
  expired(): void;
  /** Ends the session and deletes this browser's copies of drafts. */
  logout(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    api
      .me()
      .then(({ member }) => live && setState({ status: 'member', member }))
      .catch((err: unknown) => {
        // Any failure to learn who we are leads to the login page; a real
        // network error shows there too when the person tries to log in.
        if (live) setState({ status: 'anonymous' });
        if (!(err instanceof ApiError)) console.warn('Could not reach the server', err);
      });
    return () => {
      live = false;
    };
  }, []);

  const expired = useCallback(() => setState({ status: 'anonymous' }), []);
  useEffect(() => {
    setUnauthorizedHandler(expired);
    return () => setUnauthorizedHandler(null);
  }, [expired]);

  const value = useMemo<Session>(
    () => ({
      state,
      signedIn: (member) => setState({ status: 'member', member }),
      expired,
      logout: async () => {
        await api.logout().catch(() => undefined);
        await clearLocalCopies().catch(() => undefined);
        setState({ status: 'anonymous' });
      },
    }),
    [state, expired],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The logged-in member; only for screens rendered behind the login. */
export function useMember(): Member {
  const { state } = useSession();
  if (state.status !== 'member') throw new Error('useMember without a logged-in member');
  return state.member;
}
