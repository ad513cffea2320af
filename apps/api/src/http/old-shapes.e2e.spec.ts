import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@commons/event-store';
import { TestServer } from '../testing/test-server';

const at = '2026-01-05T10:00:00.000Z';
const metadata = { actor: 'admin', correlationId: 'old', recordedAt: at, schemaVersion: 1 };
const event = (type: string, data: object) => ({ id: randomUUID(), type, data: { ...data, at }, metadata });

/**
 * A ledger written before money contributions named their fund and loans their phase (schema
 * version 1): today's server reads it through the upcasters, decides on it, and leaves what was
 * stored exactly as it was.
 */
describe('a store written with older event shapes', () => {
  let server: TestServer;
  let tokens: Record<string, string>;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'commons-old-'));
    const store = new SqliteEventStore({ file: join(dataDir, 'events.sqlite') });
    const tokenOf = (id: string) => `hash-${id}`;
    await store.append('hub-h', [
      event('HubCreated', { hubId: 'h', name: 'H', currency: 'USD', timeBank: { defaultCreditLimit: '10.00', maxBalance: null, hubAccountLimit: '1000.00' }, pool: { approvalQuorum: 2, reserveRatio: '0' } }),
      ...['ann', 'tia', 'tom'].map((memberId) =>
        event('MemberEnrolled', { memberId, displayName: memberId, roles: memberId === 'ann' ? ['member'] : ['member', 'treasurer'], creditLimit: null, tokenHash: tokenOf(memberId) }),
      ),
    ], { expectedRevision: 'no_stream' });
    await store.append('fund-h', [event('MoneyContributed', { contributionId: 'c-1', memberId: 'ann', amount: '40.00', description: 'pie supper', recordedBy: 'tia' })], { expectedRevision: 'no_stream' });
    await store.append('pool-h', [
      event('SavingsDeposited', { memberId: 'tom', amount: '500.00' }),
      event('LoanApplied', { loanId: 'l-1', borrowerId: 'ann', principal: '100.00', termMonths: 2, annualInterestRate: '0', purpose: 'seed', projectId: null, appliedBy: 'ann' }),
    ], { expectedRevision: 'no_stream' });
    await store.close();
    server = await TestServer.start({ dataDir });
    // members' tokens: rotated by the admin, as a hub moving to a new version would
    tokens = {};
    for (const memberId of ['ann', 'tia', 'tom']) tokens[memberId] = (await server.post(`/hubs/h/members/${memberId}/token`, {}, 'test-admin-token-0123456789abcdefghijklmnop')).body.token;
  });
  afterAll(() => server.stop());

  it('reports a version 1 contribution as money for the general fund', async () => {
    const head = (await server.get('/health')).body.position;
    const report = (await server.get(`/hubs/h/reports/financing?minPosition=${head}`, tokens.tia)).body;
    expect(report.contributions.money).toEqual({ count: 1, total: '40.00' });
    expect(report.funds).toEqual({ general: '40.00', aid: '0.00' });
  });

  it('decides on a version 1 loan application: approved by two treasurers and paid out', async () => {
    await server.post('/hubs/h/pool/loans/l-1/approvals', { note: 'ok' }, tokens.tia);
    expect((await server.post('/hubs/h/pool/loans/l-1/approvals', { note: 'ok' }, tokens.tom)).body.status).toBe('approved');
    expect((await server.post('/hubs/h/pool/loans/l-1/disbursement', {}, tokens.tom)).body.status).toBe('active');
  });

  it('reverses a version 1 contribution, moving back exactly what it meant', async () => {
    const proposal = await server.post('/hubs/h/reversals', { position: 5, reason: 'it was a loan, not a gift' }, tokens.tia);
    expect(proposal.status).toBe(201);
    expect((await server.post(`/hubs/h/reversals/${proposal.body.reversalId}/confirmation`, {}, tokens.tom)).body.status).toBe('applied');
    const head = (await server.get('/health')).body.position;
    expect((await server.get(`/hubs/h/reports/financing?minPosition=${head}`, tokens.tia)).body.funds.general).toBe('0.00');
  });

  it('leaves the stored events as they were written, and writes new ones at today’s versions', async () => {
    await server.post('/hubs/h/contributions', { memberId: 'ann', kind: 'money', amount: '10.00', description: 'dues' }, tokens.tia);
    const db = new Database(join(server.dataDir, 'events.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT type, data, metadata FROM events ORDER BY position').all() as Array<{ type: string; data: string; metadata: string }>;
    db.close();
    const oldLoan = rows.find((row) => row.type === 'LoanApplied')!;
    expect(JSON.parse(oldLoan.data)).not.toHaveProperty('phase');
    expect(JSON.parse(oldLoan.metadata).schemaVersion).toBe(1);
    expect(JSON.parse(rows.find((row) => row.type === 'EntryReversed')!.data).entry.data).toMatchObject({ fund: 'general', projectId: null, phase: null });
    expect(JSON.parse(rows.find((row) => row.type === 'LoanDisbursed')!.metadata).schemaVersion).toBe(1);
    const newest = rows.filter((row) => row.type === 'MoneyContributed').at(-1)!;
    expect([JSON.parse(newest.metadata).schemaVersion, JSON.parse(newest.data).fund]).toEqual([2, 'general']);
  });
});
