import { runCrashCycles } from './crash-harness';

describe('graceful shutdown: SIGTERM while clients are sending', () => {
  it('answers or refuses every request, and loses no acknowledged command', async () => {
    const counts = await runCrashCycles({ kills: 5, signal: 'SIGTERM' });
    process.stdout.write(`graceful shutdown test: ${JSON.stringify(counts)}\n`);
    expect(counts.kills).toBe(5);
    expect(counts.acknowledged).toBeGreaterThan(0);
    expect(counts.found).toBeGreaterThanOrEqual(counts.acknowledged);
  }, 120_000);
});
