import { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { HistoryHealth, ReadModels } from '@commons/application';
import { EventStore } from '@commons/event-store';

/** Prometheus metrics of one service instance: its own registry, so several can share a process. */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly requests = new Histogram({
    name: 'commons_http_request_duration_seconds',
    help: 'HTTP requests by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });
  readonly refusals = new Counter({
    name: 'commons_refusals_total',
    help: 'requests refused, by problem code',
    labelNames: ['code'],
    registers: [this.registry],
  });

  private readonly sweeps = new Counter({
    name: 'commons_auto_acceptance_sweeps_total',
    help: "sweeps for hour requests the ledger accepts itself after the hub's days",
    registers: [this.registry],
  });
  private readonly autoAccepted = new Counter({
    name: 'commons_hour_requests_auto_accepted_total',
    help: 'hour requests this instance accepted as the ledger',
    registers: [this.registry],
  });

  constructor(store: EventStore, readModels: ReadModels, history: HistoryHealth) {
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'commons_event_store_position',
      help: 'global position of the last recorded event',
      registers: [this.registry],
      async collect() {
        this.set(await store.headPosition());
      },
    });
    new Gauge({
      name: 'commons_history_broken_streams',
      help: 'streams whose stored history fails its hash chain: nothing is decided on them',
      registers: [this.registry],
      collect() {
        const streams = new Set(history.streams().map((broken) => broken.streamId));
        if (readModels.runner.broken) streams.add(readModels.runner.broken.streamId);
        this.set(streams.size);
      },
    });
    new Gauge({
      name: 'commons_read_model_position',
      help: 'global position the read models have applied',
      registers: [this.registry],
      collect() {
        this.set(readModels.runner.position);
      },
    });
  }

  /** A sweep finished, having accepted `accepted` requests. */
  autoAcceptance(accepted: number): void {
    this.sweeps.inc();
    this.autoAccepted.inc(accepted);
  }

  instrument(fastify: FastifyInstance): void {
    fastify.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? 'unmatched';
      this.requests.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    });
  }
}
