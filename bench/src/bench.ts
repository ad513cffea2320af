/**
 * npm run bench [-- --quick]: measures the ledger beside the machine's own SQLite ceiling and
 * prints each figure; the last line is one JSON object (docs/benchmarks.md records them).
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { loadBalanceReads, loadTransfers, seedOverHttp, startServer } from './http';
import { hotPair, inProcessTransfers, randomPair } from './in-process';
import { log, tempDir } from './measure';
import { writeHistory } from './replay';
import { boardQueries } from './board';
import { sqliteCeiling } from './sqlite-ceiling';
import { postgresCeiling } from './postgres-ceiling';
import { PostgresEventStore } from '@commons/event-store';
import { throwawayDatabase } from '../../tests/support/postgres';

const quick = process.argv.includes('--quick');
const SIZES = quick
  ? { ceilingRows: 100_000, transfers: 20_000, hotTransfers: 10_000, httpSeconds: 5, replayEvents: 100_000 }
  : { ceilingRows: 500_000, transfers: 200_000, hotTransfers: 100_000, httpSeconds: 15, replayEvents: 1_000_000 };
const MEMBERS = 1000;
const PORT = 3900 + Math.floor(Math.random() * 90);

/** Replay and verify each run in a fresh process: their memory is measured alone. */
function inChild<T>(mode: 'replay' | 'verify', dataDir: string): T {
  return JSON.parse(execFileSync(process.execPath, [join(__dirname, 'replay-child.js'), mode, dataDir], { encoding: 'utf8' })) as T;
}

const ratio = (value: number, ceiling: number, of = 'insert ceiling') => `${((100 * value) / ceiling).toFixed(1)}% of the ${of}`;

async function main(): Promise<void> {
  log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}${quick ? ' (quick)' : ''}`);

  const ceiling = sqliteCeiling(SIZES.ceilingRows);
  log(`sqlite ceiling: ${ceiling.insertRowsPerSec} rows/s inserted (WAL, FULL, 1000/commit); ${ceiling.scanRowsPerSec} rows/s scanned+parsed`);

  const transfersPerSec = await inProcessTransfers(SIZES.transfers, MEMBERS, randomPair);
  log(`in-process transfers: ${transfersPerSec}/s (${MEMBERS} members, 64 in flight; ${ratio(transfersPerSec, ceiling.insertRowsPerSec)})`);
  const hotPairTransfersPerSec = await inProcessTransfers(SIZES.hotTransfers, MEMBERS, hotPair);
  log(`in-process transfers, one hot pair: ${hotPairTransfersPerSec}/s (${ratio(hotPairTransfersPerSec, ceiling.insertRowsPerSec)})`);

  const httpDir = tempDir('http');
  const server = await startServer(httpDir, PORT);
  const { coordinator, ids } = await seedOverHttp(server.url, MEMBERS);
  const transfers = await loadTransfers(server.url, coordinator, ids, SIZES.httpSeconds);
  log(`HTTP transfers: ${transfers.perSec}/s, p99 ${transfers.p99Ms} ms, non-2xx ${transfers.non2xx} (64 connections)`);
  const reads = await loadBalanceReads(server.url, ids, SIZES.httpSeconds);
  log(`HTTP balance reads: ${reads.perSec}/s, p99 ${reads.p99Ms} ms, non-2xx ${reads.non2xx}`);
  await server.stop();
  rmSync(httpDir, { recursive: true, force: true });

  // the same on PostgreSQL, beside that server's own ceiling, measured now
  const pg = await throwawayDatabase('bench');
  let postgres;
  try {
    const pgCeiling = await postgresCeiling(pg.url, SIZES.ceilingRows / 5);
    log(`postgres ceiling: ${pgCeiling.insertRowsPerSec} rows/s inserted (1000 per commit, one connection, fsync on)`);
    const pgTransfersPerSec = await inProcessTransfers(SIZES.transfers / 4, MEMBERS, randomPair, () => PostgresEventStore.open({ connectionString: pg.url }));
    log(`postgres in-process transfers: ${pgTransfersPerSec}/s (${ratio(pgTransfersPerSec, pgCeiling.insertRowsPerSec, 'postgres insert ceiling')})`);
    // a fresh database for the server: the in-process run's hub has the same id
    const pgHttp = await throwawayDatabase('benchhttp');
    const pgDir = tempDir('pghttp');
    try {
      const pgServer = await startServer(pgDir, PORT + 2, { EVENT_STORE: 'postgres', POSTGRES_URL: pgHttp.url });
      const seeded = await seedOverHttp(pgServer.url, MEMBERS);
      const pgTransfers = await loadTransfers(pgServer.url, seeded.coordinator, seeded.ids, SIZES.httpSeconds);
      log(`postgres HTTP transfers: ${pgTransfers.perSec}/s, p99 ${pgTransfers.p99Ms} ms, non-2xx ${pgTransfers.non2xx} (${ratio(pgTransfers.perSec, pgCeiling.insertRowsPerSec, 'postgres insert ceiling')})`);
      await pgServer.stop();
      postgres = { ceilingRowsPerSec: pgCeiling.insertRowsPerSec, transfersPerSec: pgTransfersPerSec, httpTransfersPerSec: pgTransfers.perSec, httpP99Ms: pgTransfers.p99Ms, httpNon2xx: pgTransfers.non2xx };
    } finally {
      await pgHttp.drop();
      rmSync(pgDir, { recursive: true, force: true });
    }
  } finally {
    await pg.drop();
  }

  // members find each other: the directory and the board of a large hub, as the API asks them
  const board = await boardQueries(10_000, quick ? 10_000 : 50_000);
  log(`directory of ${board.members} members: a page ${board.directoryPageMs.p50} ms (p99 ${board.directoryPageMs.p99}), a search by name ${board.directorySearchMs.p50} ms (p99 ${board.directorySearchMs.p99})`);
  log(`board of ${board.listings} listings: a page ${board.boardPageMs.p50} ms (p99 ${board.boardPageMs.p99}), a search by words ${board.boardSearchMs.p50} ms (p99 ${board.boardSearchMs.p99})`);

  const replayDir = tempDir('replay');
  await writeHistory(replayDir, SIZES.replayEvents);
  const rebuilt = inChild<{ eventsPerSec: number; events: number; peakMb: number; halfwayMb: number }>('replay', replayDir);
  log(`replay: ${rebuilt.eventsPerSec} events/s over ${rebuilt.events} events, RSS ${rebuilt.halfwayMb} MB halfway, peak ${rebuilt.peakMb} MB (${ratio(rebuilt.eventsPerSec, ceiling.scanRowsPerSec, 'scan ceiling')})`);
  const verified = inChild<{ eventsPerSec: number; ok: boolean; peakMb: number }>('verify', replayDir);
  if (!verified.ok) throw new Error('verify found problems in the benchmark history');
  log(`verify: ${verified.eventsPerSec} events/s over ${rebuilt.events} events, peak RSS ${verified.peakMb} MB (${ratio(verified.eventsPerSec, ceiling.scanRowsPerSec, 'scan ceiling')})`);
  const cold = await startServer(replayDir, PORT + 1);
  log(`cold start on ${rebuilt.events} events: serving after ${cold.startedInMs} ms`);
  await cold.stop();
  rmSync(replayDir, { recursive: true, force: true });

  const figures = {
    quick,
    transfersPerSec,
    hotPairTransfersPerSec,
    httpTransfersPerSec: transfers.perSec,
    httpP99Ms: transfers.p99Ms,
    balanceReadsPerSec: reads.perSec,
    replayEventsPerSec: rebuilt.eventsPerSec,
    replayRssMb: rebuilt.peakMb,
    replayHalfwayRssMb: rebuilt.halfwayMb,
    verifyEventsPerSec: verified.eventsPerSec,
    verifyRssMb: verified.peakMb,
    coldStartMs: cold.startedInMs,
    sqliteCeilingRowsPerSec: ceiling.insertRowsPerSec,
    sqliteScanRowsPerSec: ceiling.scanRowsPerSec,
    postgres,
    board,
  };
  log(JSON.stringify(figures));
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${(error as Error).stack}\n`);
  process.exit(1);
});
