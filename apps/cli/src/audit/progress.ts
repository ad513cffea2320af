const LINE_EVERY_MS = 2_000; // without a terminal, a plain line this often

/** Progress of a long run: a redrawn bar on a terminal, plain lines in a log. */
export function progressReporter(total: number, out: NodeJS.WriteStream = process.stderr): { update(done: number): void; finish(done: number): void } {
  const started = Date.now();
  let lastLine = 0;
  const describe = (done: number) => {
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    const rate = Math.round(done / seconds);
    const eta = rate > 0 ? Math.ceil((total - done) / rate) : 0;
    return { rate, eta, percent: total === 0 ? 100 : Math.floor((100 * done) / total) };
  };
  return {
    update(done: number) {
      const { rate, eta, percent } = describe(done);
      if (out.isTTY) {
        const width = 30;
        const filled = Math.round((width * percent) / 100);
        out.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}% ${done}/${total} events, ${rate} events/s, ETA ${eta}s `);
      } else if (Date.now() - lastLine >= LINE_EVERY_MS) {
        lastLine = Date.now();
        out.write(`progress: ${done}/${total} events (${percent}%), ${rate} events/s, ETA ${eta}s\n`);
      }
    },
    finish(done: number) {
      const { rate } = describe(done);
      out.write(`${out.isTTY ? '\n' : ''}done: ${done} events in ${((Date.now() - started) / 1000).toFixed(1)} s, ${rate} events/s\n`);
    },
  };
}
