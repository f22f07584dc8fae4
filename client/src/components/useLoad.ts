import { useCallback, useEffect, useState } from 'react';

/** `error` is for ErrorNotice (explained in the interface language); `message` is the raw text. */
export type Loaded<T> = { status: 'loading' } | { status: 'error'; error: unknown; message: string } | { status: 'ready'; value: T };

/** Loads something from the API when `key` changes; reload() fetches it again after a change. */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> & { reload: () => void } {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setState({ status: 'ready', value }),
      (err: unknown) => live && setState({ status: 'error', error: err, message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
    // `load` is a fresh closure each render; `key` says when it really changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, reload };
}
