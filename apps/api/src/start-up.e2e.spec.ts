/** The service as `npm start` runs it: its own process, its console, the port it asks for. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const MAIN = resolve(__dirname, '../../../dist/apps/api/src/main.js');

/** Runs the service until `until` appears in its output (then stops it) or it exits. */
function run(port: number, until: RegExp): Promise<{ output: string; code: number | null }> {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: mkdtempSync(join(tmpdir(), 'commons-start-')), NO_COLOR: '1' },
  });
  let output = '';
  return new Promise((done) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (until.test(output)) child.kill('SIGTERM');
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => done({ output, code }));
  });
}

function occupiedPort(): Promise<Server> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => done(server));
  });
}

describe('starting the service', () => {
  it('says where it listens once it does, and none of the framework chatter', async () => {
    const blocker = await occupiedPort();
    const port = (blocker.address() as { port: number }).port;
    await new Promise((done) => blocker.close(done));
    const { output } = await run(port, /listening on/);
    expect(output).toContain(`listening on http://127.0.0.1:${port}`);
    expect(output).not.toMatch(/successfully started|Mapped \{|RoutesResolver|InstanceLoader/);
  }, 60_000);

  it('on a port already taken, fails in one line and never claims to listen', async () => {
    const blocker = await occupiedPort();
    try {
      const { output, code } = await run((blocker.address() as { port: number }).port, /(?!)/);
      expect(code).toBe(1);
      expect(output).toMatch(/commons-ledger failed to start: listen EADDRINUSE/);
      expect(output).not.toMatch(/listening|successfully started/);
    } finally {
      blocker.close();
    }
  }, 60_000);
});
