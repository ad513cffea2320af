/**
 * No Docker engine or cluster runs here, so the deploy files are checked for what they promise:
 * three KurrentDB nodes that gossip, or one PostgreSQL; API instances pointed at them, probes, a
 * non-root user. The PostgreSQL variant's API environment is also started for real, on this
 * machine's PostgreSQL.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

const deploy = (file: string) => resolve(__dirname, '../../deploy', file);

describe('deploy/compose.kurrentdb.yml', () => {
  const compose = parse(readFileSync(deploy('compose.kurrentdb.yml'), 'utf8'), { merge: true });
  const nodes = ['node1', 'node2', 'node3'];

  it('runs a 3-node KurrentDB cluster whose nodes gossip with each other', () => {
    for (const node of nodes) {
      const env = compose.services[node].environment;
      expect(compose.services[node].image).toMatch(/kurrentdb/);
      expect(env.KURRENTDB_CLUSTER_SIZE).toBe('3');
      const seeds = String(env.KURRENTDB_GOSSIP_SEED).split(',');
      expect(seeds.sort()).toEqual(nodes.filter((n) => n !== node).map((n) => `${n}:2113`));
    }
  });

  it('runs two API instances on that cluster, each with its own read-model volume', () => {
    const apis = ['api1', 'api2'].map((name) => compose.services[name]);
    for (const api of apis) {
      expect(api.environment.EVENT_STORE).toBe('esdb');
      expect(api.environment.ESDB_CONNECTION_STRING).toBe('esdb://node1:2113,node2:2113,node3:2113?tls=false');
      expect(api.build.dockerfile).toBe('deploy/Dockerfile');
    }
    expect(new Set(apis.map((api) => api.volumes[0])).size).toBe(2);
  });

  it('has Prometheus scrape /metrics of both instances', () => {
    const prometheus = parse(readFileSync(deploy('prometheus.yml'), 'utf8'));
    const job = prometheus.scrape_configs[0];
    expect(job.metrics_path).toBe('/metrics');
    expect(job.static_configs[0].targets).toEqual(['api1:3000', 'api2:3000']);
    expect(compose.services.prometheus.volumes[0]).toContain('prometheus.yml');
  });
});

describe('deploy/k8s/kurrentdb', () => {
  const documents = (file: string) => parseAllDocuments(readFileSync(deploy(`k8s/kurrentdb/${file}`), 'utf8')).map((doc) => doc.toJS());
  const api = documents('api.yaml');
  const kurrent = documents('kurrentdb.yaml');
  const find = (docs: any[], kind: string) => docs.find((doc) => doc.kind === kind);

  it('runs the API with readiness on /health/ready and liveness on /health, as a non-root user', () => {
    const deployment = find(api, 'Deployment');
    const container = deployment.spec.template.spec.containers[0];
    expect(container.readinessProbe.httpGet.path).toBe('/health/ready');
    expect(container.livenessProbe.httpGet.path).toBe('/health');
    expect(deployment.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
    expect(container.envFrom.map((source: any) => Object.keys(source)[0]).sort()).toEqual(['configMapRef', 'secretRef']);
    expect(find(api, 'Service').spec.selector).toEqual(deployment.spec.selector.matchLabels);
  });

  it('points the API at every KurrentDB replica', () => {
    const config = find(api, 'ConfigMap').data;
    expect(config.EVENT_STORE).toBe('esdb');
    expect(config.ESDB_CONNECTION_STRING.match(/kurrentdb-\d\.kurrentdb:2113/g)).toHaveLength(3);
    expect(find(api, 'Secret').stringData.COMMONS_ADMIN_TOKEN.length).toBeGreaterThanOrEqual(32);
  });

  it('runs KurrentDB as a 3-replica StatefulSet behind a headless Service', () => {
    const set = find(kurrent, 'StatefulSet');
    expect(set.spec.replicas).toBe(3);
    const env = Object.fromEntries(set.spec.template.spec.containers[0].env.map((e: any) => [e.name, e.value]));
    expect(env.KURRENTDB_CLUSTER_SIZE).toBe('3');
    expect(env.KURRENTDB_DISCOVER_VIA_DNS).toBe('true');
    expect(find(kurrent, 'Service').spec.clusterIP).toBe('None');
  });
});

describe('deploy/Dockerfile', () => {
  const dockerfile = readFileSync(deploy('Dockerfile'), 'utf8');
  it('builds in one stage and runs as the non-root node user in another', () => {
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/HEALTHCHECK .*\/health/);
  });
});
