import { runCrashCycles } from './crash-harness';

describe('crashes: real servers killed with SIGKILL at random moments, checked by an auditor that shares nothing with them', () => {
  it('on SQLite: loses no acknowledged command and applies nothing twice over 20 kills', async () => {
    const counts = await runCrashCycles({ kills: 20 });
    process.stdout.write(`crash test (sqlite): ${JSON.stringify(counts)}\n`);
    expect(counts.kills).toBe(20);
    expect(counts.acknowledged).toBeGreaterThan(0);
    expect(counts.retried).toBeGreaterThan(0);
    // every keyed command found once: the acknowledged, and the retried ones the server then accepted
    expect(counts.found).toBeGreaterThanOrEqual(counts.acknowledged);
  }, 300_000);

  it('on PostgreSQL with two instances: the same over 12 instance kills and 3 crashes of the database server', async () => {
    const counts = await runCrashCycles({ kills: 15, store: 'postgres', instances: 2, storeKills: 3 });
    process.stdout.write(`crash test (postgres): ${JSON.stringify(counts)}\n`);
    expect(counts.kills).toBe(12);
    expect(counts.storeKills).toBe(3);
    expect(counts.acknowledged).toBeGreaterThan(0);
    expect(counts.retried).toBeGreaterThan(0);
    expect(counts.found).toBeGreaterThanOrEqual(counts.acknowledged);
  }, 300_000);
});
