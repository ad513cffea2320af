import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN, TestServer } from '../../apps/api/src/testing/test-server';
import { Claim, claims, markedWalkthrough, outputsByStep } from './walkthrough-steps';

/** Whether a claimed fragment is in the output: `…` stands for what varies, the parts in their order. */
function holds(fragment: string, output: string): boolean {
  let from = 0;
  for (const part of fragment.split('…')) {
    const at = output.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}

/** The claims a step's output breaks, none when the README is right. */
function broken(claim: Claim, output: string | undefined): string[] {
  if (output === undefined) return [`step ${claim.step}: printed no step at all`];
  if (claim.printsNothing) return output === '' ? [] : [`step ${claim.step}: the README says it prints nothing, it printed ${output}`];
  if (claim.fragments.length === 0) return [`step ${claim.step}: the README claims nothing it prints`];
  return claim.fragments.filter((fragment) => !holds(fragment, output)).map((fragment) => `step ${claim.step}: ${fragment} is not in ${output.slice(0, 300)}`);
}

describe('the README walkthrough', () => {
  let server: TestServer;
  let folder: string;
  beforeAll(async () => {
    server = await TestServer.start();
    // the reader's folder: ./data holds the admin token the first start wrote
    folder = join(server.dataDir, 'reader');
    mkdirSync(join(folder, 'data'), { recursive: true });
    writeFileSync(join(folder, 'data', 'admin-token'), `${ADMIN}\n`);
  });
  afterAll(() => server.stop());

  // asynchronously: the server answering it runs in this very process
  const run = async () => {
    // a plain shell: no startup files, which may not expect `set -u` (Debian's bash.bashrc does not)
    const { BASH_ENV: _ignored, ...env } = process.env;
    const { stdout, stderr } = await promisify(execFile)('bash', ['--noprofile', '--norc', '-euo', 'pipefail', '-c', markedWalkthrough()], {
      cwd: folder,
      env: { ...env, BASE: server.url },
      encoding: 'utf8',
    });
    return { outputs: outputsByStep(stdout), stderr };
  };

  it('describes every step, and every claim of "What you should see" is what it prints', async () => {
    const { outputs, stderr } = await run();
    expect(stderr).toBe('');
    const described = claims();
    expect(described.map((claim) => claim.step)).toEqual([...outputs.keys()]);
    expect(described.flatMap((claim) => broken(claim, outputs.get(claim.step)))).toEqual([]);
    // what no fragment can say: the reversal's links name each other
    const statement = JSON.parse(outputs.get(21)!);
    const [, ride, reversal] = statement.entries;
    expect(ride.reversedBy).toEqual({ reversalId: reversal.reference, position: reversal.position });
    expect(reversal.reverses).toEqual({ reversalId: reversal.reference, position: ride.position });
  });

  it('runs again on the same data folder, in a hub of its own, and says the same', async () => {
    const { outputs, stderr } = await run();
    expect(stderr).toBe('');
    expect(JSON.parse(outputs.get(1)!)).toMatchObject({ hubId: 'laurel-fork-2' });
    // positions move on, and the hub has its new name; everything else is as the README says
    const same = (text: string) => text.replace(/"position":\d+/g, '"position":…').replace(/laurel-fork-2/g, 'laurel-fork');
    const described = claims().map((claim) => ({ ...claim, fragments: claim.fragments.map(same) }));
    expect(described.flatMap((claim) => broken(claim, outputs.has(claim.step) ? same(outputs.get(claim.step)!) : undefined))).toEqual([]);
  });
});
