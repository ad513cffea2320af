import Ajv, { ValidateFunction } from 'ajv';

const METHODS = ['get', 'post', 'patch', 'put', 'delete'];

/**
 * Holds answers to the OpenAPI document: each status must be one the operation documents, and
 * each body must match what it documents for that status (a refusal's code among its codes).
 */
export class Contract {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly templates: Array<{ method: string; template: string; pattern: RegExp; operation: any }>;

  constructor(readonly document: any) {
    // the document's named schemas, for the answers' $refs
    this.ajv.addSchema({ $id: 'openapi', components: document.components }, 'openapi');
    this.templates = Object.entries(document.paths as Record<string, Record<string, any>>)
      .flatMap(([template, item]) =>
        METHODS.filter((method) => item[method]).map((method) => ({
          method: method.toUpperCase(),
          template,
          pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
          operation: item[method],
        })),
      )
      // a literal segment wins over a parameter: /things/overdue before /things/{thingId}
      .sort((a, b) => a.template.split('{').length - b.template.split('{').length);
  }

  /** The operation a request reaches, as `METHOD /template`. */
  operationOf(method: string, path: string): { key: string; operation: any } | undefined {
    const bare = path.split('?')[0];
    const found = this.templates.find((t) => t.method === method && t.pattern.test(bare));
    return found && { key: `${found.method} ${found.template}`, operation: found.operation };
  }

  /** What is wrong with this answer, by the document; empty when nothing is. */
  check(method: string, path: string, status: number, body: unknown): string[] {
    const found = this.operationOf(method, path);
    if (!found) return [`${method} ${path}: no operation in the document`];
    const response = found.operation.responses[String(status)];
    if (!response) return [`${found.key}: answered ${status}, which it does not document (${Object.keys(found.operation.responses).join(', ')})`];
    const media = response.content['application/json'] ?? response.content['application/problem+json'] ?? response.content['text/plain'];
    const id = `${found.key} ${status}`;
    let validate = this.validators.get(id);
    if (!validate) {
      validate = this.ajv.compile(JSON.parse(JSON.stringify(media.schema).replace(/"#\/components\//g, '"openapi#/components/')));
      this.validators.set(id, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map((error) => `${id}: ${error.instancePath || 'body'} ${error.message} ${JSON.stringify(error.params)}`);
  }
}
