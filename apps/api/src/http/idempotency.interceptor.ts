import { BadRequestException, CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Observable, from, lastValueFrom } from 'rxjs';
import { Idempotency } from '@commons/application';
import { canonicalJson } from '@commons/event-store';
import { idempotencyScope } from '@commons/projections';
import { LedgerRequest, actorOf } from '../auth/principal';

const KEY = /^[A-Za-z0-9._:-]{1,200}$/;

/** `Idempotency-Key` on a POST: the same request again returns its first response; another request is a conflict. */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly idempotency: Idempotency) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<LedgerRequest>();
    const header = request.headers['idempotency-key'];
    if (request.method !== 'POST' || header === undefined || !request.principal) return next.handle();
    const key = Array.isArray(header) ? header[0] : header;
    if (!KEY.test(key)) throw new BadRequestException('Idempotency-Key must be 1-200 characters of A-Z a-z 0-9 . _ : -');
    const requestHash = createHash('sha256')
      .update(`${request.method} ${request.url}\n${canonicalJson(request.body ?? null)}`)
      .digest('hex');
    request.idempotency = { key, requestHash };
    const params = request.params as Record<string, string | undefined>;
    const scope = idempotencyScope(actorOf(request.principal), params.hubId ?? null);
    return from(
      this.idempotency
        .run(scope, key, requestHash, () => lastValueFrom(next.handle()) as Promise<Record<string, unknown>>)
        .then((outcome) => outcome.body),
    );
  }
}
