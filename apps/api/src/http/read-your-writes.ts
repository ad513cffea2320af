import { BadRequestException } from '@nestjs/common';
import { ReadModels } from '@commons/application';
import { LedgerRequest } from '../auth/principal';

const POSITION = /^\d{1,15}$/;

/** `?minPosition=N` on a GET answers only once the read models include position N (or 503). */
export async function readYourWrites(request: LedgerRequest, readModels: ReadModels): Promise<void> {
  const wanted = (request.query as Record<string, unknown> | undefined)?.minPosition;
  if (request.method !== 'GET' || wanted === undefined) return;
  if (typeof wanted !== 'string' || !POSITION.test(wanted)) throw new BadRequestException('minPosition must be a whole number');
  await readModels.reach(Number(wanted));
}
