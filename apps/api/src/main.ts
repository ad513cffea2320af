import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';

async function main(): Promise<void> {
  const logger = new Logger('Commons Ledger');
  const config = loadConfig();
  if (config.adminTokenFile) {
    logger.log(`no COMMONS_ADMIN_TOKEN was set: an admin token was generated into ${config.adminTokenFile} (mode 0600)`);
  }
  const app = await createApp(config, { requestLog: process.stdout });
  await app.listen(config.port, config.host);
  logger.log(`serving on http://${config.host}:${config.port} with events in ${config.dataDir}`);
}

main().catch((error: unknown) => {
  // one clear line, not a stack trace: the usual causes are configuration and a locked data dir
  const message = error instanceof ConfigError ? error.message : (error as Error).message;
  process.stderr.write(`commons-ledger failed to start: ${message}\n`);
  process.exit(1);
});
