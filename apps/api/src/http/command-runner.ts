import { BadRequestException, Injectable } from '@nestjs/common';
import { Command, CommandBus } from '@nestjs/cqrs';
import { createHash } from 'node:crypto';
import { CommandContext, CommandResult, Idempotency, idempotencyScope } from '@commons/application';
import { canonicalJson } from '@commons/event-store';
import { LedgerRequest, actorOf, commandContext } from '../auth/principal';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,200}$/;

/**
 * Runs a command for a request: who and when go into its context, `Idempotency-Key` makes a
 * retry return the first response, and the reply carries the position of the command's last event.
 */
@Injectable()
export class CommandRunner {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly commands: CommandBus,
    private readonly idempotency: Idempotency,
  ) {}

  /**
   * Resolves once no command is being decided or appended (or after `timeoutMs`): a client that
   * hung up leaves its command running after its connection closed, and the store must not close under it.
   */
  settled(timeoutMs: number): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      setTimeout(resolve, timeoutMs).unref();
    });
  }

  async run<Body extends object>(
    request: LedgerRequest,
    command: (context: CommandContext) => Command<CommandResult<Body>>,
  ): Promise<Body & { position: number }> {
    this.running += 1;
    try {
      return await this.runCommand(request, command);
    } finally {
      this.running -= 1;
      if (this.running === 0) for (const resolve of this.waiting.splice(0)) resolve();
    }
  }

  private async runCommand<Body extends object>(
    request: LedgerRequest,
    command: (context: CommandContext) => Command<CommandResult<Body>>,
  ): Promise<Body & { position: number }> {
    const execute = async (context: CommandContext) => {
      const { body, position } = await this.commands.execute(command(context));
      return { ...body, position };
    };
    const header = request.headers['idempotency-key'];
    if (header === undefined) return execute(commandContext(request));

    const key = Array.isArray(header) ? header[0] : header;
    if (!IDEMPOTENCY_KEY.test(key)) throw new BadRequestException('Idempotency-Key must be 1-200 characters of A-Z a-z 0-9 . _ : -');
    const requestHash = createHash('sha256')
      .update(`${request.method} ${request.url}\n${canonicalJson(request.body ?? null)}`)
      .digest('hex');
    const hubId = (request.params as Record<string, string | undefined>).hubId ?? null;
    const scope = idempotencyScope(actorOf(request.principal!), hubId);
    const context = { ...commandContext(request), idempotencyKey: key, idempotencyScope: scope, requestHash };
    const outcome = await this.idempotency.run(scope, key, requestHash, () => execute(context));
    return outcome.body as Body & { position: number };
  }
}
