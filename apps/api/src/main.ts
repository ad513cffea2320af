import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { EsdbEventStore, EventStore, PostgresEventStore } from '@commons/event-store';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { StartupLogger } from './startup-logger';

async function main(): Promise<void> {
  const logger = new Logger('Commons Ledger');
  const config = loadConfig();
  if (config.adminTokenFile) {
    logger.log(`no COMMONS_ADMIN_TOKEN was set: an admin token was generated into ${config.adminTokenFile} (mode 0600)`);
  }
  const store =
    config.eventStore === 'esdb'
      ? await reachEsdb(config.esdbConnectionString!)
      : config.eventStore === 'postgres'
        ? await reachPostgres(config.postgresUrl!)
        : undefined;
  const app = await createApp(config, { requestLog: 'stdout', store, logger: new StartupLogger() });
  await app.listen(config.port, config.host);
  const events = config.eventStore === 'sqlite' ? config.eventsFile : `${config.eventStore} (read models in ${config.dataDir})`;
  logger.log(`listening on http://${config.host}:${config.port} with events in ${events}`);
}

/** Connects to EventStoreDB and asks it one question, so a wrong address fails the start in seconds. */
async function reachEsdb(connectionString: string): Promise<EventStore> {
  const store = EsdbEventStore.connect(connectionString);
  try {
    await store.probe();
    return store;
  } catch (error) {
    await store.close().catch(() => undefined);
    throw new ConfigError(`cannot reach EventStoreDB at ${connectionString}: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** Connects to PostgreSQL and creates the store's tables where missing: a wrong address or password fails the start. */
async function reachPostgres(connectionString: string): Promise<EventStore> {
  try {
    return await PostgresEventStore.open({ connectionString });
  } catch (error) {
    throw new ConfigError(`cannot reach ${(error as Error).message}`);
  }
}

main().catch((error: unknown) => {
  // one clear line, not a stack trace: the usual causes are configuration and a locked data dir
  const message = error instanceof ConfigError ? error.message : (error as Error).message;
  process.stderr.write(`commons-ledger failed to start: ${message}\n`);
  process.exit(1);
});
