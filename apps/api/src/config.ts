import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { newToken } from '@commons/application';

const ADMIN_TOKEN_LENGTH_MIN = 32;

export interface ServiceConfig {
  port: number;
  host: string;
  dataDir: string;
  eventStore: 'sqlite';
  adminToken: string;
  /** where a generated admin token was written, to say so once */
  adminTokenFile: string | null;
}

export class ConfigError extends Error {}

/** Reads the environment of API.md; a bad value stops the start with one clear line. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, not ${env.PORT}`);
  const dataDir = resolve(env.DATA_DIR ?? './data');
  mkdirSync(dataDir, { recursive: true });
  const store = env.EVENT_STORE ?? 'sqlite';
  if (store !== 'sqlite') {
    throw new ConfigError(`EVENT_STORE=${store} is not available in this version; use EVENT_STORE=sqlite`);
  }
  const { token, file } = adminToken(env.COMMONS_ADMIN_TOKEN, dataDir);
  return { port, host: env.HOST ?? '0.0.0.0', dataDir, eventStore: 'sqlite', adminToken: token, adminTokenFile: file };
}

function adminToken(given: string | undefined, dataDir: string): { token: string; file: string | null } {
  if (given !== undefined && given !== '') {
    if (given.length < ADMIN_TOKEN_LENGTH_MIN) {
      throw new ConfigError(`COMMONS_ADMIN_TOKEN must be at least ${ADMIN_TOKEN_LENGTH_MIN} characters`);
    }
    return { token: given, file: null };
  }
  const file = join(dataDir, 'admin-token');
  if (existsSync(file)) return { token: readFileSync(file, 'utf8').trim(), file: null };
  const token = newToken();
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { token, file };
}
