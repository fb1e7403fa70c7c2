/**
 * Deploy guard rails: renders every kustomize overlay (tools/scripts/render-k8s.mjs) and checks what a
 * cluster would receive. A service folder with src/main.ts but no k8s/base/<svc>/ fails here.
 *
 * The first run on a machine without kustomize or kubectl builds kustomize with `go install`
 * (about a minute, cached in ~/.cache/sangathan/bin); later runs take a few seconds.
 * No kustomize at all is a failure with the renderer's message, never a skip.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { HTTP_ONLY_SERVICES, SERVICE_PORTS } from '../../tools/dev/services';

type Obj = Record<string, unknown>;
type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: Obj;
  data?: Record<string, string>;
};
type Probe = { httpGet?: { path?: string; port?: string | number } };
type Container = {
  name: string;
  image?: string;
  command?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  securityContext?: Obj & { capabilities?: { drop?: string[]; add?: string[] } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  volumeMounts?: { name: string; mountPath: string }[];
};
type PodSpec = {
  serviceAccountName?: string;
  automountServiceAccountToken?: boolean;
  securityContext?: Obj & { seccompProfile?: { type?: string } };
  containers: Container[];
  initContainers?: Container[];
  volumes?: { name: string; emptyDir?: Obj }[];
};
type PodTemplate = {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec: PodSpec;
};

const root = join(__dirname, '..', '..');
const renderScript = join(root, 'tools', 'scripts', 'render-k8s.mjs');
const listDirs = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

/** Services that exist in code (a folder with src/main.ts). */
const codeServices = listDirs(join(root, 'services')).filter((svc) =>
  existsSync(join(root, 'services', svc, 'src', 'main.ts')),
);
/** Services that have base manifests. */
const baseServices = listDirs(join(root, 'k8s', 'base')).filter((svc) =>
  existsSync(join(root, 'k8s', 'base', svc, 'kustomization.yaml')),
);
const overlays = listDirs(join(root, 'k8s', 'overlays')).filter((name) =>
  existsSync(join(root, 'k8s', 'overlays', name, 'kustomization.yaml')),
);

const rendered = new Map<string, K8sObject[]>();
let renderError: string | undefined;
let outDir: string | undefined;

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'sangathan-k8s-'));
  const result = spawnSync(process.execPath, [renderScript, '--out', outDir], {
    cwd: root,
    encoding: 'utf8',
    timeout: 15 * 60_000,
  });
  if (result.status !== 0) {
    renderError =
      `render-k8s.mjs exited ${result.status ?? result.signal}: ${(result.stderr || result.error?.message || '').trim()}\n` +
      'Fix: install kustomize v5 or kubectl >= 1.27, or Go so the script can build kustomize (see docs/deploy.md).';
    return;
  }
  for (const overlay of overlays) {
    const text = readFileSync(join(outDir, `${overlay}.yaml`), 'utf8');
    const docs = parseAllDocuments(text).map((doc) => {
      if (doc.errors.length) throw new Error(`${overlay}: invalid YAML: ${doc.errors[0].message}`);
      return doc.toJSON() as K8sObject;
    });
    rendered.set(overlay, docs.filter(Boolean));
  }
}, 15 * 60_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

function objects(overlay: string): K8sObject[] {
  if (renderError) throw new Error(renderError);
  const docs = rendered.get(overlay);
  if (!docs) throw new Error(`overlay ${overlay} was not rendered`);
  return docs;
}

function find(overlay: string, kind: string, name: string): K8sObject {
  const found = objects(overlay).find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`${overlay}: no ${kind} named ${name}`);
  return found;
}

const template = (o: K8sObject) => {
  if (o.kind === 'Deployment') return (o.spec as { template: PodTemplate }).template;
  if (o.kind === 'Job') return (o.spec as { template: PodTemplate }).template;
  throw new Error(`${o.kind} has no pod template here`);
};

/** Hardened pod: the checks Pod Security `restricted` makes, plus a read-only root with an emptyDir /tmp. */
function expectHardened(where: string, pod: PodSpec, serviceAccounts: K8sObject[]): void {
  const podSc = pod.securityContext ?? {};
  const sa = serviceAccounts.find((s) => s.metadata.name === pod.serviceAccountName) as
    (K8sObject & { automountServiceAccountToken?: boolean }) | undefined;
  expect({ where, automount: pod.automountServiceAccountToken ?? sa?.automountServiceAccountToken }).toEqual({
    where,
    automount: false,
  });
  expect({ where, saExists: Boolean(sa) }).toEqual({ where, saExists: true });
  for (const c of [...pod.containers, ...(pod.initContainers ?? [])]) {
    const sc = c.securityContext ?? {};
    const effective = (key: string) => (sc[key] !== undefined ? sc[key] : podSc[key]);
    const seccomp = (sc.seccompProfile as { type?: string } | undefined)?.type ?? podSc.seccompProfile?.type;
    expect({
      where: `${where}/${c.name}`,
      runAsNonRoot: effective('runAsNonRoot'),
      runAsUser: effective('runAsUser'),
      readOnlyRootFilesystem: sc.readOnlyRootFilesystem,
      allowPrivilegeEscalation: sc.allowPrivilegeEscalation,
      privileged: sc.privileged ?? false,
      dropsAll: (sc.capabilities?.drop ?? []).includes('ALL'),
      adds: sc.capabilities?.add ?? [],
      seccomp,
    }).toEqual({
      where: `${where}/${c.name}`,
      runAsNonRoot: true,
      runAsUser: 10001,
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      privileged: false,
      dropsAll: true,
      adds: [],
      seccomp: 'RuntimeDefault',
    });
    const tmp = c.volumeMounts?.find((m) => m.mountPath === '/tmp');
    expect({ where: `${where}/${c.name}`, tmpMounted: Boolean(tmp) }).toEqual({
      where: `${where}/${c.name}`,
      tmpMounted: true,
    });
    const volume = pod.volumes?.find((v) => v.name === tmp?.name);
    expect({ where: `${where}/${c.name}`, tmpIsEmptyDir: Boolean(volume?.emptyDir) }).toEqual({
      where: `${where}/${c.name}`,
      tmpIsEmptyDir: true,
    });
    expect(c.image).toEqual(expect.stringMatching(/\S/));
    expect(c.image).not.toMatch(/:latest$/);
    for (const kind of ['requests', 'limits'] as const) {
      expect({
        where: `${where}/${c.name} ${kind}`,
        cpu: Boolean(c.resources?.[kind]?.cpu),
        memory: Boolean(c.resources?.[kind]?.memory),
      }).toEqual({
        where: `${where}/${c.name} ${kind}`,
        cpu: true,
        memory: true,
      });
    }
  }
}

/** The image reference carries an explicit, non-moving tag (or a digest). */
function isPinned(image: string): boolean {
  if (image.includes('@sha256:')) return true;
  const lastSegment = image.split('/').pop() ?? '';
  const tag = lastSegment.includes(':') ? lastSegment.split(':').pop() : undefined;
  return Boolean(tag) && !['latest', 'dev', 'main', 'master'].includes(tag as string);
}

describe('every service has Kubernetes manifests', () => {
  it('finds the services in code and the overlays', () => {
    expect(codeServices.length).toBeGreaterThan(0);
    expect(overlays).toEqual(expect.arrayContaining(['dev', 'prod']));
  });

  it.each(codeServices)(
    'services/%s (has src/main.ts) has a k8s/base folder listed in k8s/base/kustomization.yaml',
    (svc) => {
      const baseKustomization = readFileSync(join(root, 'k8s', 'base', 'kustomization.yaml'), 'utf8');
      expect({ svc, hasFolder: baseServices.includes(svc) }).toEqual({ svc, hasFolder: true });
      expect({ svc, listed: new RegExp(`^\\s*-\\s*${svc}\\s*$`, 'm').test(baseKustomization) }).toEqual({
        svc,
        listed: true,
      });
    },
  );

  it.each(baseServices)('k8s/base/%s uses the service port from tools/dev/services.ts', (svc) => {
    const deployment = readFileSync(join(root, 'k8s', 'base', svc, 'deployment.yaml'), 'utf8');
    const port = SERVICE_PORTS[svc];
    expect({ svc, knownService: port !== undefined }).toEqual({ svc, knownService: true });
    expect(deployment).toContain(`containerPort: ${port}`);
    expect(deployment).toContain(`value: '${port}'`);
  });
});

describe.each(overlays)('overlay %s', (overlay) => {
  it('renders with kustomize', () => {
    expect(objects(overlay).length).toBeGreaterThan(0);
  });

  it('has a Deployment, Service, ServiceAccount and PodDisruptionBudget per base service', () => {
    for (const svc of baseServices) {
      for (const kind of ['Deployment', 'Service', 'ServiceAccount', 'PodDisruptionBudget'])
        find(overlay, kind, svc);
    }
  });

  it.each(baseServices)('Deployment %s is hardened, probed, resourced and configured', (svc) => {
    const all = objects(overlay);
    const deployment = find(overlay, 'Deployment', svc);
    const tpl = template(deployment);
    const serviceAccounts = all.filter((o) => o.kind === 'ServiceAccount');
    expectHardened(`${overlay}/${svc}`, tpl.spec, serviceAccounts);

    const app = tpl.spec.containers[0];
    const http = app.ports?.find((p) => p.name === 'http');
    expect(http?.containerPort).toBe(SERVICE_PORTS[svc]);
    const probePort = (probe?: Probe) => probe?.httpGet?.port;
    expect(app.livenessProbe?.httpGet?.path).toBe('/health/live');
    expect(app.readinessProbe?.httpGet?.path).toBe('/health/ready');
    expect(app.startupProbe?.httpGet?.path).toBe('/health/live');
    for (const probe of [app.livenessProbe, app.readinessProbe, app.startupProbe]) {
      expect([http?.name, http?.containerPort]).toContain(probePort(probe));
    }

    // Configuration contract: shared ConfigMap + per-service env + secrets by reference.
    const env = new Map((app.env ?? []).map((e) => [e.name, e]));
    expect(env.get('PORT')?.value).toBe(String(SERVICE_PORTS[svc]));
    if (HTTP_ONLY_SERVICES.includes(svc)) {
      // No database and no broker (tools/dev/services.ts): none of their settings or secrets either.
      const stateful = [...env.keys()].filter((key) => /^(MONGODB_|KAFKA_)/.test(key));
      expect({ svc, stateful }).toEqual({ svc, stateful: [] });
      expect({
        svc,
        secrets: [...env.values()].filter((e) => e.valueFrom?.secretKeyRef).map((e) => e.name),
      }).toEqual({
        svc,
        secrets: [],
      });
    } else {
      expect(env.get('MONGODB_DB')?.value).toBe(`sangathan-${svc}`);
      for (const key of ['MONGODB_URI', 'JWT_SECRET']) {
        expect({ key, ref: env.get(key)?.valueFrom?.secretKeyRef?.key }).toEqual({ key, ref: key });
        expect(env.get(key)?.valueFrom?.secretKeyRef?.name).toMatch(/^sangathan-secrets(-[a-z0-9]+)?$/);
      }
    }
    const configMapName = app.envFrom?.find((e) => e.configMapRef)?.configMapRef?.name;
    const configMap = all.find((o) => o.kind === 'ConfigMap' && o.metadata.name === configMapName);
    expect({ configMapName, exists: Boolean(configMap) }).toEqual({ configMapName, exists: true });
    for (const key of [
      'KAFKA_BROKERS',
      'JWT_ISSUER',
      'JWT_AUDIENCE',
      'LOG_LEVEL',
      'SERVICE_VERSION',
      'NODE_ENV',
    ]) {
      expect({ key, set: Boolean(configMap?.data?.[key]) }).toEqual({ key, set: true });
    }
    expect(configMap?.data?.NODE_ENV).toBe('production');

    // Prometheus scraping on the service port.
    const annotations = tpl.metadata?.annotations ?? {};
    expect(annotations['prometheus.io/scrape']).toBe('true');
    expect(annotations['prometheus.io/path']).toBe('/metrics');
    expect(annotations['prometheus.io/port']).toBe(String(SERVICE_PORTS[svc]));

    // Service and PDB select these pods.
    const podLabels = tpl.metadata?.labels ?? {};
    const selects = (selector: Record<string, string> = {}) =>
      Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => podLabels[k] === v);
    const service = find(overlay, 'Service', svc).spec as {
      selector?: Record<string, string>;
      ports: { targetPort: string | number }[];
    };
    expect(selects(service.selector)).toBe(true);
    expect([http?.name, http?.containerPort]).toContain(service.ports[0].targetPort);
    const pdb = find(overlay, 'PodDisruptionBudget', svc).spec as {
      selector: { matchLabels: Record<string, string> };
    };
    expect(selects(pdb.selector.matchLabels)).toBe(true);
  });

  it('has the idempotent topic-creation Job, hardened, on a service image', () => {
    const jobs = objects(overlay).filter((o) => o.kind === 'Job');
    const job = jobs.find((j) =>
      template(j).spec.containers.some((c) =>
        (c.command ?? []).join(' ').includes('dist/tools/dev/create-topics.js'),
      ),
    );
    expect(job).toBeDefined();
    const tpl = template(job as K8sObject);
    expectHardened(
      `${overlay}/job`,
      tpl.spec,
      objects(overlay).filter((o) => o.kind === 'ServiceAccount'),
    );
    expect(
      tpl.spec.containers[0].envFrom?.some((e) => e.configMapRef?.name.startsWith('sangathan-config')),
    ).toBe(true);
  });
});

describe('dev overlay', () => {
  it('runs one replica of each service and generates its dev Secret', () => {
    for (const svc of baseServices)
      expect({ svc, replicas: find('dev', 'Deployment', svc).spec?.replicas }).toEqual({ svc, replicas: 1 });
    const secret = objects('dev').find(
      (o) => o.kind === 'Secret' && o.metadata.name.startsWith('sangathan-secrets'),
    );
    expect(secret).toBeDefined();
  });
});

describe('the dashboard, which forwards /api/<service> to the services', () => {
  const dashboardEnv = (overlay: string) =>
    new Map(
      (template(find(overlay, 'Deployment', 'dashboard')).spec.containers[0].env ?? []).map((e) => [
        e.name,
        e.value,
      ]),
    );
  /** The services named by its <SERVICE>_URL variables. */
  const upstreams = (overlay: string) =>
    [...dashboardEnv(overlay)]
      .filter(([name]) => name.endsWith('_URL'))
      .map(([name, url]) => ({ name, host: new URL(url ?? '').hostname }));

  it('is a known HTTP-only service', () => {
    expect(HTTP_ONLY_SERVICES).toContain('dashboard');
    expect(baseServices).toContain('dashboard');
  });

  it.each(overlays)(
    '%s: forwards to the in-cluster Services, serves the built app, and has no dev sign-in',
    (overlay) => {
      const env = dashboardEnv(overlay);
      const targets = upstreams(overlay);
      expect(targets.map((t) => t.name).sort()).toEqual([
        'ANALYTICS_URL',
        'CANDIDATES_PANEL_URL',
        'MEETINGS_URL',
        'ORG_URL',
        'TRAINING_EVENTS_URL',
      ]);
      for (const { name, host } of targets) {
        // <SERVICE>_URL names the Service of <service> (the dashboard derives the variable from the name).
        expect({ name, host }).toEqual({
          name,
          host: name.replace(/_URL$/, '').toLowerCase().replace(/_/g, '-'),
        });
        find(overlay, 'Service', host);
      }
      expect(env.has('AUTH_DEV_LOGIN')).toBe(false);
      expect(env.get('DASHBOARD_WEB_ROOT')).toBe('/app/dist/services/dashboard/web/dist');
    },
  );

  it('prod: a NetworkPolicy lets the dashboard reach exactly the services it forwards to, on their http port', () => {
    const policies = objects('prod').filter((o) => o.kind === 'NetworkPolicy');
    type Egress = {
      to?: { podSelector?: { matchExpressions?: { key: string; operator: string; values: string[] }[] } }[];
      ports?: { port: string | number }[];
    };
    const forDashboard = policies.filter(
      (p) =>
        (p.spec as { podSelector: { matchLabels?: Record<string, string> } }).podSelector.matchLabels?.[
          'app.kubernetes.io/name'
        ] === 'dashboard',
    );
    const reached = forDashboard.flatMap((p) =>
      ((p.spec as { egress?: Egress[] }).egress ?? []).flatMap((rule) => {
        expect(rule.ports?.map((port) => port.port)).toEqual(['http']);
        return (rule.to ?? []).flatMap(
          (peer) =>
            peer.podSelector?.matchExpressions?.find(
              (e) => e.key === 'app.kubernetes.io/name' && e.operator === 'In',
            )?.values ?? [],
        );
      }),
    );
    expect(reached.sort()).toEqual(
      upstreams('prod')
        .map((t) => t.host)
        .sort(),
    );
  });
});

describe('analytics, whose momentum state lives in its memory', () => {
  it.each(['dev', 'prod'])(
    '%s: runs exactly one replica, replaced (Recreate) rather than rolled, never autoscaled',
    (overlay) => {
      const deployment = find(overlay, 'Deployment', 'analytics').spec as {
        replicas?: number;
        strategy?: { type: string };
      };
      expect(deployment.replicas).toBe(1);
      expect(deployment.strategy?.type).toBe('Recreate');
      const hpa = objects(overlay).find(
        (o) =>
          o.kind === 'HorizontalPodAutoscaler' &&
          (o.spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name === 'analytics',
      );
      expect(hpa).toBeUndefined();
    },
  );
});

describe('prod overlay', () => {
  it('pins every image tag', () => {
    for (const o of objects('prod').filter((x) => x.kind === 'Deployment' || x.kind === 'Job')) {
      for (const c of template(o).spec.containers)
        expect({
          where: `${o.kind}/${o.metadata.name}`,
          image: c.image,
          pinned: isPinned(c.image ?? ''),
        }).toMatchObject({ pinned: true });
    }
  });

  it('runs 3 replicas of org, and autoscales every service on CPU except analytics', () => {
    expect(find('prod', 'Deployment', 'org').spec?.replicas).toBe(3);
    for (const svc of baseServices.filter((s) => s !== 'analytics')) {
      const hpa = objects('prod').find(
        (o) =>
          o.kind === 'HorizontalPodAutoscaler' &&
          (o.spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name === svc,
      );
      expect({ svc, hpa: Boolean(hpa) }).toEqual({ svc, hpa: true });
      const spec = hpa?.spec as { minReplicas: number; metrics: { resource?: { name: string } }[] };
      expect(spec.metrics.some((m) => m.resource?.name === 'cpu')).toBe(true);
      expect(spec.minReplicas).toBe(find('prod', 'Deployment', svc).spec?.replicas);
    }
  });

  it('turns on the otel and network-policies components and expects its Secret from outside Git', () => {
    const configMap = objects('prod').find(
      (o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('sangathan-config'),
    );
    expect(configMap?.data?.OTEL_EXPORTER_OTLP_ENDPOINT).toMatch(/^https?:\/\//);
    const policies = objects('prod').filter((o) => o.kind === 'NetworkPolicy');
    const denyAll = policies.find((p) => {
      const spec = p.spec as { podSelector: Obj; policyTypes: string[]; ingress?: unknown[] };
      return (
        Object.keys(spec.podSelector).length === 0 && spec.policyTypes.includes('Ingress') && !spec.ingress
      );
    });
    expect(denyAll).toBeDefined();
    expect(policies.length).toBeGreaterThanOrEqual(3);
    expect(objects('prod').some((o) => o.kind === 'Secret')).toBe(false);
  });
});

describe('k8s/ files', () => {
  const yamlFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? yamlFiles(join(dir, entry.name))
        : entry.name.endsWith('.yaml')
          ? [join(dir, entry.name)]
          : [],
    );

  it('are all valid YAML (including the k8s/infra examples no overlay renders)', () => {
    const broken = yamlFiles(join(root, 'k8s')).filter((file) =>
      parseAllDocuments(readFileSync(file, 'utf8')).some((doc) => doc.errors.length > 0),
    );
    expect(broken).toEqual([]);
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');

  it('builds on Node 24 slim, selects the service with ARG SERVICE and runs as uid 10001', () => {
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:24[\w.-]*-slim/m);
    expect(dockerfile).toMatch(/^ARG SERVICE$/m);
    expect(dockerfile).toContain('dist/services/${SERVICE}/src/main.js');
    expect(dockerfile).toMatch(/^USER 10001:10001$/m);
    expect(dockerfile).toContain('npm ci --omit=dev');
    expect(dockerfile).toContain('npm run build');
  });

  it('builds the browser app of a service that has one (the dashboard) where its Deployment serves it from', () => {
    const withWebApp = codeServices.filter((svc) =>
      existsSync(join(root, 'services', svc, 'scripts', 'build-web.mjs')),
    );
    expect(withWebApp).toContain('dashboard');
    expect(dockerfile).toContain('node "services/${SERVICE}/scripts/build-web.mjs"');
    expect(dockerfile).toContain('cp -r "services/${SERVICE}/web/dist" "dist/services/${SERVICE}/web/dist"');
    for (const svc of withWebApp) {
      const deployment = readFileSync(join(root, 'k8s', 'base', svc, 'deployment.yaml'), 'utf8');
      // WORKDIR /app in the runtime stage, dist/ copied from the select stage.
      expect(deployment).toContain(`value: /app/dist/services/${svc}/web/dist`);
    }
    expect(dockerfile).toMatch(/^WORKDIR \/app$/m);
  });

  it('keeps secrets, build output and dependencies out of the build context', () => {
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim());
    expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', 'dist', '.git', '.env']));
  });
});
