/**
 * The PostgreSQL deploy files: what they promise, and their API environment started for real on
 * this machine's PostgreSQL (the compose host name and password swapped for the test server's).
 */
import { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { ThrowawayDatabase, throwawayDatabase } from '../support/postgres';
import { Client } from 'pg';
import { ADMIN, call, startInstance, stopInstance } from '../multi-instance/instances';

const deploy = (file: string) => resolve(__dirname, '../../deploy', file);

describe('deploy/compose.postgres.yml', () => {
  const compose = parse(readFileSync(deploy('compose.postgres.yml'), 'utf8'), { merge: true });

  it('runs two API instances on one PostgreSQL, each with its own read-model volume, after the database is healthy', () => {
    const apis = ['api1', 'api2'].map((name) => compose.services[name]);
    for (const api of apis) {
      expect(api.environment.EVENT_STORE).toBe('postgres');
      expect(api.environment.POSTGRES_URL).toMatch(/^postgres:\/\/commons:\$\{POSTGRES_PASSWORD:\?[^}]+\}@postgres:5432\/commons$/);
      expect(api.depends_on.postgres.condition).toBe('service_healthy');
    }
    expect(new Set(apis.map((api) => api.volumes[0])).size).toBe(2);
    expect(compose.services.postgres.image).toBe('postgres:15');
    expect(compose.services.postgres.environment.POSTGRES_DB).toBe('commons');
    expect(compose.services.postgres.volumes[0]).toMatch(/:\/var\/lib\/postgresql\/data$/);
  });

  describe('its API environment, started on this machine', () => {
    let database: ThrowawayDatabase;
    let dir: string;
    let server: ChildProcess;
    const port = 21_000 + Math.floor(Math.random() * 9000);

    beforeAll(async () => {
      database = await throwawayDatabase('deploy');
      dir = mkdtempSync(join(tmpdir(), 'commons-deploy-'));
    });
    afterAll(async () => {
      if (server) await stopInstance(server);
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('serves on PostgreSQL: a hub created is in the events table', async () => {
      // the compose file's store settings, with this machine's database in place of the compose service
      const { EVENT_STORE } = compose.services.api1.environment;
      expect(EVENT_STORE).toBe('postgres');
      server = await startInstance(dir, { kind: EVENT_STORE, url: database.url }, port);
      expect((await call(port, 'POST', '/hubs', ADMIN, { hubId: 'valley', name: 'Valley', currency: 'USD', timeBank: { defaultCreditLimit: '10' } })).status).toBe(201);
      const client = new Client({ connectionString: database.url });
      await client.connect();
      try {
        const { rows } = await client.query("SELECT type FROM events WHERE stream_id = 'hub-valley'");
        expect(rows.map((row) => row.type)).toEqual(['HubCreated']);
      } finally {
        await client.end();
      }
    });
  });
});

describe('deploy/k8s/postgres', () => {
  const documents = (file: string) => parseAllDocuments(readFileSync(deploy(`k8s/postgres/${file}`), 'utf8')).map((doc) => doc.toJS());
  const api = documents('api.yaml');
  const postgres = documents('postgres.yaml');
  const find = (docs: any[], kind: string) => docs.find((doc) => doc.kind === kind);

  it('runs the API on PostgreSQL with the URL in a Secret, probes and a non-root user', () => {
    const deployment = find(api, 'Deployment');
    const container = deployment.spec.template.spec.containers[0];
    expect(find(api, 'ConfigMap').data.EVENT_STORE).toBe('postgres');
    expect(find(api, 'ConfigMap').data.POSTGRES_URL).toBeUndefined(); // it holds a password
    expect(find(api, 'Secret').stringData.POSTGRES_URL).toMatch(/^postgres:\/\/commons:[^@]+@postgres:5432\/commons$/);
    expect(container.readinessProbe.httpGet.path).toBe('/health/ready');
    expect(container.livenessProbe.httpGet.path).toBe('/health');
    expect(deployment.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
    expect(deployment.spec.replicas).toBe(2);
  });

  it('runs PostgreSQL 15 as a StatefulSet on its own volume, behind the Service the URL names', () => {
    const set = find(postgres, 'StatefulSet');
    expect(set.spec.template.spec.containers[0].image).toBe('postgres:15');
    expect(set.spec.volumeClaimTemplates[0].spec.accessModes).toEqual(['ReadWriteOnce']);
    expect(find(postgres, 'Service').metadata.name).toBe('postgres');
    expect(find(postgres, 'Secret').stringData.POSTGRES_DB).toBe('commons');
  });
});
