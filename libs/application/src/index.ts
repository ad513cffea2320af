export * from './clock';
export * from './command-context';
export * from './concurrency-conflict';
export * from './stream-writer';
export * from './ledger';
export * from './history-health';
export * from './tokens';
export * from './read-models';
export * from './idempotency';
export * from './hub/hub.commands';
export * from './hub/hub.handlers';
export * from './hub/profile.commands';
export * from './queries/directory.queries';
export * from './listings/listing.commands';
export * from './queries/listing.queries';
export * from './timebank/hour-request.commands';
export * from './queries/hour-request.queries';
export * from './timebank/auto-acceptance';
export * from './timebank/pay-hours.command';
export * from './timebank/pay-hours.handler';
export * from './timebank/near-limit';
export * from './queries/hub.queries';
export * from './queries/account.queries';
export * from './queries/loan.queries';
export * from './queries/pool.queries';
export * from './pool/pool.command';
export * from './pool/pool.handler';
export * from './contributions/record-contribution.command';
export * from './contributions/record-contribution.handler';
export * from './reports/report.queries';
export * from './audit/audit.queries';
export * from './queries/aid.queries';
export * from './queries/viewer';
export * from './fund/fund.command';
export * from './fund/fund.handler';
export * from './projects/project.commands';
export * from './projects/project.handlers';
export * from './reversals/reversal.commands';
export * from './reversals/reversal.handlers';
export * from './queries/reversal.queries';
export * from './things/thing.command';
export * from './things/thing.handler';
export * from './things/things-context';
export * from './queries/thing.queries';
export * from './queries/member-changes.queries';
export * from './imports/import.command';
export * from './imports/import.handler';
export * from './imports/import-files';

import {
  ChangeMemberHandler,
  ConfirmMemberChangeHandler,
  CreateHubHandler,
  EnrolMemberHandler,
  RejectMemberChangeHandler,
  RotateTokenHandler,
} from './hub/hub.handlers';
import { ConfirmReversalHandler, ProposeReversalHandler, RejectReversalHandler } from './reversals/reversal.handlers';
import { GetReversalsHandler } from './queries/reversal.queries';
import { GetMemberChangesHandler } from './queries/member-changes.queries';
import { GetBalanceHandler, GetStatementHandler } from './queries/account.queries';
import { GetHubHandler } from './queries/hub.queries';
import { GetLoanHandler, GetLoansHandler } from './queries/loan.queries';
import { GetPoolHandler } from './queries/pool.queries';
import { GetFinancingReportHandler, GetNetworkReportHandler, GetProjectHandler } from './reports/report.queries';
import { GetAuditEventsHandler, VerifyLedgerHandler } from './audit/audit.queries';
import { RunPoolCommandHandler } from './pool/pool.handler';
import { RecordContributionHandler } from './contributions/record-contribution.handler';
import { PayHoursHandler } from './timebank/pay-hours.handler';
import { GetAidRequestHandler, GetAidRequestsHandler } from './queries/aid.queries';
import { RunFundCommandHandler } from './fund/fund.handler';
import { ChangeHubSettingsHandler, CreateProjectHandler } from './projects/project.handlers';
import { ChangeProfileHandler, SetCategoriesHandler } from './hub/profile.handlers';
import { GetCategoriesHandler, GetDirectoryHandler } from './queries/directory.queries';
import { ChangeListingHandler, PostListingHandler } from './listings/listing.handlers';
import { GetListingHandler, GetListingsHandler } from './queries/listing.queries';
import { AnswerHourRequestHandler, PayGroupHoursHandler, RequestHoursHandler } from './timebank/hour-request.handlers';
import { GetHourRequestsHandler } from './queries/hour-request.queries';
import { RunThingCommandHandler } from './things/thing.handler';
import { ImportTimeBankHandler } from './imports/import.handler';
import { GetMemberThingsHandler, GetOverdueLoansHandler, GetThingHandler, GetThingHistoryHandler, GetThingsHandler } from './queries/thing.queries';

export const COMMAND_HANDLERS = [
  CreateHubHandler,
  ImportTimeBankHandler,
  EnrolMemberHandler,
  ChangeMemberHandler,
  RotateTokenHandler,
  ConfirmMemberChangeHandler,
  RejectMemberChangeHandler,
  PayHoursHandler,
  RunPoolCommandHandler,
  RecordContributionHandler,
  RunFundCommandHandler,
  CreateProjectHandler,
  ChangeHubSettingsHandler,
  ProposeReversalHandler,
  ConfirmReversalHandler,
  RejectReversalHandler,
  ChangeProfileHandler,
  SetCategoriesHandler,
  PostListingHandler,
  ChangeListingHandler,
  RequestHoursHandler,
  AnswerHourRequestHandler,
  PayGroupHoursHandler,
  RunThingCommandHandler,
];
export const QUERY_HANDLERS = [GetHubHandler, GetBalanceHandler, GetStatementHandler, GetLoanHandler, GetLoansHandler, GetPoolHandler, GetFinancingReportHandler, GetNetworkReportHandler, GetAuditEventsHandler, VerifyLedgerHandler, GetAidRequestHandler, GetAidRequestsHandler, GetProjectHandler, GetReversalsHandler, GetMemberChangesHandler, GetDirectoryHandler, GetCategoriesHandler, GetListingsHandler, GetListingHandler, GetHourRequestsHandler, GetThingsHandler, GetThingHandler, GetThingHistoryHandler, GetMemberThingsHandler, GetOverdueLoansHandler];
