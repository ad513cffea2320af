/** Answers of the main routes, as the README's walkthrough gets them. */
export const EXAMPLES: Readonly<Record<string, unknown>> = {
  'POST /hubs 201': { hubId: 'laurel-fork', position: 1 },
  'POST /hubs/{hubId}/members 201': { memberId: 'alice', token: 'cl_Z3JlZW5ob3VzZS1nbGF6aW5nLWZvci10aGUtcGFudHJ5', position: 2 },
  'POST /hubs/{hubId}/timebank/transfers 201': { transferId: '0b6c5f1e-8f7d-4a7e-9d55-3b0f6f1c2a11', position: 4 },
  'GET /hubs/{hubId}/members/{memberId}/balance 200': {
    memberId: 'alice',
    hours: { balance: '-2.50', creditLimit: '10.00', available: '7.50', nearLimit: false },
    savings: { balance: '300.00' },
    loans: { outstanding: '0.00' },
  },
  'GET /hubs/{hubId}/members/{memberId}/statement 200': {
    memberId: 'bob',
    account: 'hours',
    entries: [
      {
        position: 4,
        at: '2026-03-02T15:04:05.000Z',
        type: 'HoursPaid',
        counterparty: 'alice',
        counterpartyName: 'Alice Caudill',
        memo: 'childcare',
        reference: '0b6c5f1e-8f7d-4a7e-9d55-3b0f6f1c2a11',
        amount: '2.50',
        balance: '2.50',
        reversedBy: null,
        reverses: null,
        category: null,
        listing: null,
      },
    ],
    next: null,
  },
  'POST /hubs/{hubId}/pool/loans 201': { loanId: '5d1f2c3b-6a7e-4f80-9b1c-2d3e4f5a6b7c', status: 'applied', position: 12 },
  'POST /hubs/{hubId}/pool/loans/{loanId}/repayments 201': { loanId: '5d1f2c3b-6a7e-4f80-9b1c-2d3e4f5a6b7c', interest: '0.00', principal: '41.00', outstanding: '199.00', status: 'active', position: 17 },
  'POST /hubs/{hubId}/imports 201': {
    importId: '639e9f0ffb8ee33e476771b1c530759d',
    hubId: 'laurel-fork',
    members: 2,
    balances: 2,
    dryRun: false,
    alreadyImported: false,
    tokens: [
      { memberId: 'rosa', token: 'cl_BgU3dmAnnH_PCtwJymMFQyCRSwdthh27oiRWuRtjcQg' },
      { memberId: 'mae', token: 'cl_EjA5C0vyF2r3BMre71ypPTT05pGg5gWJDiZdz6PVy-8' },
    ],
    position: 7,
  },
};
