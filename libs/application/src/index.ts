export * from './clock';
export * from './command-context';
export * from './concurrency-conflict';
export * from './stream-writer';
export * from './ledger';
export * from './tokens';
export * from './read-models';
export * from './idempotency';
export * from './hub/hub.commands';
export * from './hub/hub.handlers';
export * from './timebank/pay-hours.command';
export * from './timebank/pay-hours.handler';
export * from './queries/hub.queries';
export * from './queries/account.queries';
export * from './queries/loan.queries';
export * from './queries/pool.queries';
export * from './pool/pool.command';
export * from './pool/pool.handler';

import { ChangeMemberHandler, CreateHubHandler, EnrolMemberHandler } from './hub/hub.handlers';
import { GetBalanceHandler, GetStatementHandler } from './queries/account.queries';
import { GetHubHandler } from './queries/hub.queries';
import { GetLoanHandler, GetLoansHandler } from './queries/loan.queries';
import { GetPoolHandler } from './queries/pool.queries';
import { RunPoolCommandHandler } from './pool/pool.handler';
import { PayHoursHandler } from './timebank/pay-hours.handler';

export const COMMAND_HANDLERS = [CreateHubHandler, EnrolMemberHandler, ChangeMemberHandler, PayHoursHandler, RunPoolCommandHandler];
export const QUERY_HANDLERS = [GetHubHandler, GetBalanceHandler, GetStatementHandler, GetLoanHandler, GetLoansHandler, GetPoolHandler];
