/**
 * npm run bench [-- --quick]: measures the ledger beside the machine's own SQLite ceiling and
 * prints each figure; the last line is one JSON object (docs/benchmarks.md records them).
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { loadBalanceReads, loadMemberTransfers, loadTransfers, seedOverHttp, startServer } from './http';
import { hotPair, inProcessTransfers, randomPair } from './in-process';
import { log, tempDir } from './measure';
import { HISTORY_SPACING_MS, HISTORY_START, writeHistory } from './replay';
import { healthDuringReports, networkReportLatency, reportLatency, writeNetwork } from './reports';
import { boardQueries } from './board';
import { sqliteCeiling } from './sqlite-ceiling';
import { postgresCeiling } from './postgres-ceiling';
import { PostgresEventStore } from '@commons/event-store';
import { throwawayDatabase } from '../../tests/support/postgres';

const quick = process.argv.includes('--quick');
const SIZES = quick
  ? { ceilingRows: 100_000, transfers: 20_000, hotTransfers: 10_000, httpSeconds: 5, replayEvents: 100_000, networkHubs: 20, networkEvents: 2_000, reports: 100, loopSeconds: 5 }
  : { ceilingRows: 500_000, transfers: 200_000, hotTransfers: 100_000, httpSeconds: 15, replayEvents: 1_000_000, networkHubs: 100, networkEvents: 10_000, reports: 100, loopSeconds: 10 };
const MEMBERS = 1000;
const PORT = 3900 + Math.floor(Math.random() * 90);

/** Replay and verify each run in a fresh process: their memory is measured alone. */
function inChild<T>(mode: 'replay' | 'verify', dataDir: string): T {
  return JSON.parse(execFileSync(process.execPath, [join(__dirname, 'replay-child.js'), mode, dataDir], { encoding: 'utf8' })) as T;
}

/** a figure as a share of the ceiling, in per cent with one decimal */
const share = (value: number, ceiling: number) => Math.round((1000 * value) / ceiling) / 10;
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
  const { coordinator, ids, tokens } = await seedOverHttp(server.url, MEMBERS);
  const transfers = await loadTransfers(server.url, coordinator, ids, SIZES.httpSeconds);
  log(`HTTP transfers: ${transfers.perSec}/s, p99 ${transfers.p99Ms} ms (mean ${transfers.meanMs}), non-2xx ${transfers.non2xx} (64 connections, one coordinator's token; ${ratio(transfers.perSec, ceiling.insertRowsPerSec)})`);
  const memberTransfers = await loadMemberTransfers(server.url, ids, tokens, SIZES.httpSeconds);
  log(`HTTP transfers, each by its payer's own token: ${memberTransfers.perSec}/s, p99 ${memberTransfers.p99Ms} ms (mean ${memberTransfers.meanMs}), non-2xx ${memberTransfers.non2xx} (${ratio(memberTransfers.perSec, ceiling.insertRowsPerSec)})`);
  const reads = await loadBalanceReads(server.url, ids, SIZES.httpSeconds);
  log(`HTTP balance reads: ${reads.perSec}/s, p99 ${reads.p99Ms} ms, non-2xx ${reads.non2xx} (${ratio(reads.perSec, ceiling.insertRowsPerSec)})`);
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
  // the financing report of that hub, as of random moments of its year, and what others wait meanwhile
  const historyEnd = HISTORY_START + SIZES.replayEvents * HISTORY_SPACING_MS;
  const report = await reportLatency(cold.url, 'bench', HISTORY_START, historyEnd, SIZES.reports);
  log(`financing report on ${rebuilt.events} events: p50 ${report.p50} ms, p99 ${report.p99} ms (${report.count} requests: today, as of a random moment, a random period)`);
  const during = await healthDuringReports(cold.url, 'bench', 'member-0001', HISTORY_START, historyEnd, SIZES.loopSeconds);
  log(`while reports, their CSV, /audit/verify and statement pages loop (${during.heavy} answered): /health p99 ${during.health.p99} ms (p50 ${during.health.p50}), a balance p99 ${during.balance.p99} ms`);
  await cold.stop();
  rmSync(replayDir, { recursive: true, force: true });

  const networkDir = tempDir('network');
  await writeNetwork(networkDir, SIZES.networkHubs, 10, SIZES.networkEvents, 60_000);
  const network = await startServer(networkDir, PORT + 3);
  const networkReport = await networkReportLatency(network.url, 20);
  log(`network report over ${SIZES.networkHubs} hubs of ${SIZES.networkEvents} events: p50 ${networkReport.p50} ms, p99 ${networkReport.p99} ms`);
  await network.stop();
  rmSync(networkDir, { recursive: true, force: true });

  const figures = {
    quick,
    transfersPerSec,
    hotPairTransfersPerSec,
    httpTransfersPerSec: transfers.perSec,
    httpP99Ms: transfers.p99Ms,
    httpMeanMs: transfers.meanMs,
    memberHttpTransfersPerSec: memberTransfers.perSec,
    memberHttpP99Ms: memberTransfers.p99Ms,
    memberHttpMeanMs: memberTransfers.meanMs,
    balanceReadsPerSec: reads.perSec,
    ratios: {
      inProcessTransfers: share(transfersPerSec, ceiling.insertRowsPerSec),
      httpTransfers: share(transfers.perSec, ceiling.insertRowsPerSec),
      memberHttpTransfers: share(memberTransfers.perSec, ceiling.insertRowsPerSec),
      balanceReads: share(reads.perSec, ceiling.insertRowsPerSec),
    },
    reportP99Ms: report.p99,
    networkReportP99Ms: networkReport.p99,
    healthP99DuringReportsMs: during.health.p99,
    balanceP99DuringReportsMs: during.balance.p99,
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
