import { runCrashCycles } from './crash-harness';

const KILLS = 20;

describe('crashes: the real server killed with SIGKILL at random moments', () => {
  it(`loses no acknowledged command and applies nothing twice over ${KILLS} kills`, async () => {
    const counts = await runCrashCycles(KILLS);
    process.stdout.write(`crash test: ${JSON.stringify(counts)}\n`);
    expect(counts.kills).toBe(KILLS);
    expect(counts.acknowledged).toBeGreaterThan(0);
    expect(counts.retried).toBeGreaterThan(0);
    // every keyed command found once: the acknowledged, and the retried ones the server then accepted
    expect(counts.found).toBeGreaterThanOrEqual(counts.acknowledged);
  }, 300_000);
});
