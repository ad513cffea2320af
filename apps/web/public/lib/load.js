// What a view reads from the API: loaded on show, again on `reload`, with its refusal if any.
import { useCallback, useEffect, useState } from './html.js';

export function useLoad(read, deps) {
  const [state, setState] = useState({ data: null, refusal: null, loading: true });
  const load = useCallback(() => {
    setState((before) => ({ ...before, loading: true }));
    return Promise.resolve()
      .then(read)
      .then(
      (data) => setState({ data, refusal: null, loading: false }),
      (refusal) => setState({ data: null, refusal, loading: false }),
    );
  }, deps);
  useEffect(() => {
    load();
  }, [load]);
  return { ...state, reload: load };
}
