/** A macrotask turn: timers, sockets and other requests' callbacks run before the work goes on. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
