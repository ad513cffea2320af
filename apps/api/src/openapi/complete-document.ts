import { OpenAPIObject } from '@nestjs/swagger';
import { OperationObject, ParameterObject, ResponseObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { PROBLEM_CODES, STATUS_OF_CODE } from '../http/problem.filter';
import { OPERATIONS } from './operations';
import { SHARED_SCHEMAS, SUCCESS_SCHEMAS } from './success-schemas';
import { EXAMPLES } from './examples';

const METHODS = ['get', 'post', 'patch', 'put', 'delete'] as const;
const COMMAND_METHODS = new Set(['post', 'patch', 'put', 'delete']);
const PROBLEM_REF = '#/components/schemas/Problem';

/** The refusals every operation of a kind can give, whatever its rules (see operations.ts). */
function sharedRefusals(method: string, operation: OperationObject, isPublic: boolean): string[] {
  const codes = ['unavailable']; // shutting down, or the read models not caught up with minPosition in time
  // history_broken: a command on a stream whose chain broke, or a read waiting for a position past the break
  if (!isPublic) codes.push('unauthenticated', 'forbidden', 'rate_limited', 'history_broken');
  const parameters = (operation.parameters ?? []) as ParameterObject[];
  if (operation.requestBody || parameters.length > 0) codes.push('validation_failed');
  if (operation.requestBody) codes.push('payload_too_large', 'unsupported_media_type');
  if (COMMAND_METHODS.has(method)) codes.push('idempotency_conflict', 'concurrency_conflict');
  return codes;
}

/** Every refusal an operation documents: its own rules' and the shared ones. */
function refusalsOf(key: string, method: string, operation: OperationObject): string[] {
  const contract = OPERATIONS[key];
  return [...new Set([...sharedRefusals(method, operation, contract?.public === true), ...(contract?.refusals ?? [])])];
}

/**
 * Nest's generated document, made the contract: each operation's summary, its success bodies,
 * every refusal it can give as application/problem+json with its codes, Idempotency-Key on every
 * command, minPosition on every read, whole numbers for paging, and the bearer token as it is.
 */
export function completeDocument(document: OpenAPIObject): OpenAPIObject {
  document.components ??= {};
  document.components.securitySchemes = {
    bearer: {
      type: 'http',
      scheme: 'bearer',
      description:
        'An opaque token (`cl_` and 43 characters), shown once when a member is enrolled or their token is reset; the admin\'s is COMMONS_ADMIN_TOKEN (or DATA_DIR/admin-token). Not a JWT: it carries nothing, the ledger keeps only its hash.',
    },
  };
  document.components.schemas = { ...document.components.schemas, ...SHARED_SCHEMAS, Problem: problemSchema() };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const key = `${method.toUpperCase()} ${path}`;
      const contract = OPERATIONS[key];
      if (contract) operation.summary = contract.summary;
      operation.security = contract?.public ? [] : [{ bearer: [] }];
      operation.parameters = parametersOf(method, operation, contract?.public === true);
      operation.responses = { ...successes(key, operation), ...problems(refusalsOf(key, method, operation)), ...(contract?.refusesLines ? linesRefused() : {}) };
    }
  }
  return document;
}

function parametersOf(method: string, operation: OperationObject, isPublic: boolean): ParameterObject[] {
  const parameters = ((operation.parameters ?? []) as ParameterObject[]).map((parameter) => {
    // paging and positions are whole numbers, written as digits only
    if (parameter.in === 'query' && (parameter.name === 'after' || parameter.name === 'limit')) return { ...parameter, schema: { ...(parameter.schema as SchemaObject), type: 'integer' } };
    if (parameter.in === 'query' && parameter.name === 'minPosition') return { ...parameter, schema: { type: 'string', pattern: '^\\d{1,15}$' } };
    if (parameter.in === 'path') return { ...parameter, schema: { type: 'string', maxLength: 100 } };
    return parameter;
  });
  if (method === 'get' && !isPublic && !parameters.some((p) => p.name === 'minPosition')) {
    parameters.push({ name: 'minPosition', in: 'query', required: false, description: 'answer only once the read models include this position (503 after a bounded wait)', schema: { type: 'string', pattern: '^\\d{1,15}$' } });
  }
  if (COMMAND_METHODS.has(method)) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'the same key with the same body answers the first response again and records nothing new; with another body, 409 idempotency_conflict',
      schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,200}$' },
    });
  }
  return parameters;
}

function successes(key: string, operation: OperationObject): Record<string, ResponseObject> {
  const bodies = SUCCESS_SCHEMAS[key] ?? {};
  const produced = Object.keys((Object.values(operation.responses ?? {})[0] as ResponseObject | undefined)?.content ?? {});
  const responses: Record<string, ResponseObject> = {};
  for (const [status, schema] of Object.entries(bodies)) {
    const example = EXAMPLES[`${key} ${status}`];
    const json = { schema, ...(example === undefined ? {} : { example }) };
    const content: ResponseObject['content'] =
      key === 'GET /metrics'
        ? { 'text/plain': { schema } }
        : produced.includes('text/csv')
          ? { 'application/json': json, 'text/csv': { schema: { type: 'string', description: 'one line per figure: hubId,section,figure,value' } } }
          : { 'application/json': json };
    responses[status] = { description: successDescription(Number(status)), content };
  }
  return responses;
}

function successDescription(status: number): string {
  if (status === 201) return 'recorded: the answer carries `position`, the global position of its last event';
  if (status === 202) return 'proposed: waiting for a second officer (`awaiting_confirmation`)';
  return 'the answer';
}

function problems(codes: string[]): Record<string, ResponseObject> {
  const byStatus = new Map<number, string[]>();
  for (const code of codes) byStatus.set(STATUS_OF_CODE[code], [...(byStatus.get(STATUS_OF_CODE[code]) ?? []), code]);
  const responses: Record<string, ResponseObject> = {};
  for (const [status, named] of [...byStatus].sort(([a], [b]) => a - b)) {
    const schema: SchemaObject = { allOf: [{ $ref: PROBLEM_REF }, { type: 'object', properties: { code: { type: 'string', enum: named } } }] };
    responses[String(status)] = { description: named.join(', '), content: { 'application/problem+json': { schema } } };
  }
  return responses;
}

/** A file refused whole: the request was well formed, its lines were not; `errors` lists each as `<file> line N: field: why`. */
function linesRefused(): Record<string, ResponseObject> {
  const schema: SchemaObject = { allOf: [{ $ref: PROBLEM_REF }, { type: 'object', required: ['errors'], properties: { code: { type: 'string', enum: ['validation_failed'] } } }] };
  return { '422': { description: 'validation_failed: every bad line, and nothing written', content: { 'application/problem+json': { schema } } } };
}

function problemSchema(): SchemaObject {
  return {
    type: 'object',
    description: 'RFC 9457 problem details; a refused request changes nothing',
    required: ['type', 'title', 'status', 'detail', 'code'],
    properties: {
      type: { type: 'string', example: 'https://commons-ledger.org/problems/credit-limit-exceeded' },
      title: { type: 'string', example: 'credit limit exceeded' },
      status: { type: 'integer', example: 422 },
      detail: { type: 'string', example: 'alice would reach -12.00 hours, below the credit limit of -10.00' },
      code: { type: 'string', enum: [...PROBLEM_CODES] },
      errors: { type: 'array', items: { type: 'string' }, description: 'each field (or, for an import, each line) refused' },
    },
  };
}
