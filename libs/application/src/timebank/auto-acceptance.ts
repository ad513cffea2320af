import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SYSTEM, timeBankDecider, timeBankStream } from '@commons/domain';
import { Clock } from '../clock';
import { Ledger } from '../ledger';
import { ReadModels } from '../read-models';

const DUE_PAGE = 200; // requests accepted per hub per sweep; the rest wait for the next

/**
 * The ledger accepts, on its own clock, each request its hub said to accept after so many days.
 * Every instance may sweep: each acceptance is a command decided on the stream's latest state, so
 * a request is accepted once whichever instance gets there first, and refused like any payment
 * when the payer's limit no longer allows it (it then stays waiting for its payer).
 */
export class AutoAcceptance {
  private readonly logger = new Logger('AutoAcceptance');

  constructor(
    private readonly ledger: Ledger,
    private readonly readModels: ReadModels,
    private readonly clock: Clock,
  ) {}

  /** One sweep over every hub; returns how many requests it accepted. */
  async sweep(): Promise<number> {
    let accepted = 0;
    const now = this.clock.now();
    for (const hubId of this.readModels.hubIds()) {
      const hub = (await this.ledger.hub(hubId)).hub;
      const days = hub?.timeBank.requestAutoAcceptDays;
      if (!hub || days === null || days === undefined) continue;
      const cutoff = new Date(now.getTime() - days * 24 * 60 * 60 * 1000).toISOString();
      for (const requestId of this.readModels.hourRequests.pendingSince(hubId, cutoff, DUE_PAGE)) {
        const at = now.toISOString();
        try {
          const decided = await this.ledger.timeBanks.execute(timeBankStream(hubId), {
            context: { actor: SYSTEM, correlationId: `auto-accept-${requestId}`, at },
            // accepted, declined or cancelled meanwhile (by a person or another instance): nothing to do;
            // whether it is due is the decider's to say
            decide: (state, hubState) =>
              state.requests.has(requestId)
                ? timeBankDecider.decide({ type: 'AcceptHourRequest', requestId, transferId: randomUUID(), actorId: SYSTEM, at }, state, hubState)
                : [],
            respond: (_after, events) => events.length > 0,
          });
          if (decided.body) accepted += 1;
        } catch (error) {
          // a limit the payer no longer has room in: the request waits for them
          this.logger.debug?.(`request ${requestId} of ${hubId} not accepted: ${(error as Error).message}`);
        }
      }
    }
    return accepted;
  }
}
