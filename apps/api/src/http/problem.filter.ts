import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { LinesRefused } from '@commons/domain';

/** problem+json status for each machine-readable code (API.md); one table, one place. */
export const STATUS_OF_CODE: Readonly<Record<string, number>> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  separation_of_duties: 403,
  not_found: 404,
  method_not_allowed: 405,
  already_exists: 409,
  idempotency_conflict: 409,
  concurrency_conflict: 409,
  invalid_state: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  credit_limit_exceeded: 422,
  balance_limit_exceeded: 422,
  insufficient_funds: 422,
  insufficient_liquidity: 422,
  overpayment: 422,
  aid_limit_exceeded: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
  history_broken: 503,
};

/** Every machine-readable code a refusal may carry: the web app has a sentence for each. */
export const PROBLEM_CODES: readonly string[] = Object.keys(STATUS_OF_CODE);

const CODE_OF_STATUS: Readonly<Record<number, string>> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'unavailable',
};

/** Fastify's refusals of a URL, said in the ledger's words (its own would echo the whole path). */
const FRAMEWORK_ERRORS: Readonly<Record<string, { code: string; detail: string }>> = {
  FST_ERR_MAX_PARAM_LENGTH: { code: 'validation_failed', detail: 'a part of the path is longer than any id (at most 100 characters)' },
  FST_ERR_BAD_URL: { code: 'validation_failed', detail: 'the path is not a valid URL' },
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: string[];
}

/** Turns any error into problem+json; no stack trace ever leaves the server. */
export function toProblem(error: unknown): Problem {
  const coded = error as { code?: unknown; message?: unknown; statusCode?: unknown };
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse() as { message?: unknown; code?: string };
    const messages = Array.isArray(response.message) ? response.message.map(String) : undefined;
    const code = response.code ?? CODE_OF_STATUS[status] ?? (status >= 500 ? 'internal' : 'validation_failed');
    const detail = messages ? messages.join('; ') : typeof response.message === 'string' ? response.message : error.message;
    return problem(code, status, detail, messages);
  }
  // a whole file refused, every bad line listed: the request was well formed, its content was not
  if (error instanceof LinesRefused) return problem('validation_failed', 422, error.message, error.lines);
  if (typeof coded.code === 'string' && STATUS_OF_CODE[coded.code] !== undefined) {
    return problem(coded.code, STATUS_OF_CODE[coded.code], String(coded.message));
  }
  const framework = typeof coded.code === 'string' ? FRAMEWORK_ERRORS[coded.code] : undefined;
  if (framework) return problem(framework.code, STATUS_OF_CODE[framework.code], framework.detail);
  // errors from Fastify itself: a body that is not JSON, too large, of the wrong type
  if (typeof coded.statusCode === 'number' && coded.statusCode >= 400 && coded.statusCode < 500) {
    const code = CODE_OF_STATUS[coded.statusCode] ?? 'validation_failed';
    return problem(code, coded.statusCode, String(coded.message));
  }
  return problem('internal', 500, 'the server failed to handle this request');
}

function problem(code: string, status: number, detail: string, errors?: string[]): Problem {
  return {
    type: `https://commons-ledger.org/problems/${code.replace(/_/g, '-')}`,
    title: code.replace(/_/g, ' '),
    status,
    detail,
    code,
    ...(errors ? { errors } : {}),
  };
}

export function sendProblem(reply: FastifyReply, error: unknown, logger: Logger): void {
  const body = toProblem(error);
  if (body.status >= 500) logger.error((error as Error)?.stack ?? String(error));
  void reply.status(body.status).header('content-type', 'application/problem+json').send(body);
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(error: unknown, host: ArgumentsHost): void {
    sendProblem(host.switchToHttp().getResponse<FastifyReply>(), error, this.logger);
  }
}
