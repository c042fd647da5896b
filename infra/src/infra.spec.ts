/**
 * Keeps infra/ consistent with the repo: compose, the Dockerfiles, nginx and the Kubernetes manifests
 * against each other, against the files they copy and against .env.example (the one list of variables).
 * No Docker engine or cluster is needed: everything is parsed. The last block feeds each check a broken
 * input to prove it can fail.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  INFRA_DIR,
  REPO_ROOT,
  allStrings,
  checkComposeImages,
  checkCopySources,
  checkDependsOn,
  checkHpaTargets,
  checkImageShape,
  checkKustomization,
  checkProbes,
  checkRouting,
  composeEnv,
  composeServices,
  containerEnv,
  copyInstructions,
  entrypointCommands,
  envInstructionNames,
  envNames,
  findObject,
  globalArgs,
  interpolatedNames,
  isSenService,
  loadManifests,
  missingEnv,
  parseCompose,
  parseDockerfile,
  podSpec,
  resolveFrom,
  stages,
  unknownEnv,
  type ComposeFile,
  type Container,
  type K8sObject,
  type Manifest,
} from './checks';

const read = (...p: string[]) => fs.readFileSync(path.join(REPO_ROOT, ...p), 'utf8');

const ENV_EXAMPLE = envNames(read('.env.example'));
const ROOT_PACKAGE = JSON.parse(read('package.json')) as { packageManager?: string };

/** What each kind of process must be given (names from .env.example; see each app's core/config). */
const NEEDS = {
  api: ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRETS', 'QUEUE_PREFIX', 'PORT'],
  worker: ['DATABASE_URL', 'REDIS_URL', 'QUEUE_PREFIX', 'WORKER_HEALTH_PORT'],
  migrate: ['DATABASE_URL'],
} as const;
/** Secrets a process does not read and so must not get (least privilege). */
const MUST_NOT_GET = {
  api: ['SMTP_URL'],
  worker: ['JWT_SECRETS'],
  migrate: ['JWT_SECRETS', 'SMTP_URL'],
} as const;

const COMPOSE_FILE = path.join(INFRA_DIR, 'docker-compose.yml');
const compose: ComposeFile = parseCompose(fs.readFileSync(COMPOSE_FILE, 'utf8'));
const services = composeServices(compose);

const K8S_DIR = path.join(INFRA_DIR, 'k8s');
const manifests: Manifest[] = loadManifests(K8S_DIR);
const objects = (kind: string) => manifests.filter((m) => m.doc.kind === kind).map((m) => m.doc);
const mustFind = (kind: string, name: string): K8sObject => {
  const obj = findObject(manifests, kind, name);
  if (!obj) throw new Error(`${kind}/${name} is not in infra/k8s`);
  return obj;
};
const containersOf = (obj: K8sObject): Container[] => podSpec(obj)?.containers ?? [];
const K8S_WORKLOADS = [
  { kind: 'Deployment', name: 'sen-api', role: 'api' },
  { kind: 'Deployment', name: 'sen-worker', role: 'worker' },
  { kind: 'Job', name: 'sen-migrate', role: 'migrate' },
] as const;

const DOCKER_DIR = path.join(INFRA_DIR, 'docker');
const DOCKERFILES = ['api', 'worker', 'web'] as const;
const dockerfile = (name: string) => parseDockerfile(fs.readFileSync(path.join(DOCKER_DIR, `${name}.Dockerfile`), 'utf8'));
const ENTRYPOINT = fs.readFileSync(path.join(DOCKER_DIR, 'api-entrypoint.sh'), 'utf8');

describe('.env.example', () => {
  it('is found and lists the variables every check below relies on', () => {
    for (const n of new Set(Object.values(NEEDS).flat())) expect(ENV_EXAMPLE).toContain(n);
  });
});

describe('docker-compose.yml', () => {
  it('has the stack: mysql, redis, migrate, api, worker, web', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'migrate', 'mysql', 'redis', 'web', 'worker']);
  });

  it('gives every service an image or a build whose Dockerfile exists', () => {
    expect(checkComposeImages(compose, INFRA_DIR)).toEqual([]);
  });

  it('names only existing services in depends_on', () => {
    expect(checkDependsOn(compose)).toEqual([]);
  });

  it('orders the start: mysql healthy -> migrate done -> api and worker; redis healthy first', () => {
    const cond = (svc: string, dep: string) =>
      (services[svc]?.depends_on as Record<string, { condition?: string }> | undefined)?.[dep]?.condition;
    expect(cond('migrate', 'mysql')).toBe('service_healthy');
    expect(cond('api', 'migrate')).toBe('service_completed_successfully');
    expect(cond('api', 'redis')).toBe('service_healthy');
    expect(cond('worker', 'migrate')).toBe('service_completed_successfully');
    expect(cond('worker', 'redis')).toBe('service_healthy');
    expect(cond('web', 'api')).toBe('service_healthy');
  });

  it('sets only variables listed in .env.example on Sen services', () => {
    const sen = Object.entries(services).filter(([, s]) => isSenService(s));
    expect(sen.map(([n]) => n).sort()).toEqual(['api', 'migrate', 'web', 'worker']);
    const problems = sen.flatMap(([name, svc]) => unknownEnv(composeEnv(svc).keys(), ENV_EXAMPLE, name));
    expect(problems).toEqual([]);
  });

  it('interpolates only variables listed in .env.example', () => {
    const names = interpolatedNames(allStrings(compose).join('\n'));
    expect(names.size).toBeGreaterThan(0);
    expect(unknownEnv(names, ENV_EXAMPLE, 'compose interpolation')).toEqual([]);
  });

  it.each(['api', 'worker', 'migrate'] as const)('sets what %s needs, non-empty, and no secret it does not read', (role) => {
    const env = composeEnv(services[role] ?? {});
    expect(missingEnv(new Set(env.keys()), NEEDS[role], role)).toEqual([]);
    for (const n of NEEDS[role]) expect(env.get(n)).toMatch(/\S/);
    for (const n of MUST_NOT_GET[role]) expect(env.has(n)).toBe(false);
  });

  it('points DATABASE_URL and REDIS_URL at the compose services', () => {
    const env = composeEnv(services['api'] ?? {});
    expect(env.get('DATABASE_URL')).toBe('mysql://sen:sen@mysql:3306/sen');
    expect(env.get('REDIS_URL')).toBe('redis://redis:6379');
    expect(composeEnv(services['mysql'] ?? {}).get('MYSQL_DATABASE')).toBe('sen');
  });

  it('publishes the api on its PORT and nginx on 8080', () => {
    const port = composeEnv(services['api'] ?? {}).get('PORT');
    expect(services['api']?.ports).toContain(`${port}:${port}`);
    expect(services['web']?.ports).toContain('8080:8080');
  });

  it('runs mysql 8.4 in utf8mb4 and a persistent redis, both with health checks', () => {
    const mysql = services['mysql'] as Record<string, unknown>;
    const redis = services['redis'] as Record<string, unknown>;
    expect(mysql['image']).toBe('mysql:8.4');
    expect(String(mysql['command'])).toContain('--character-set-server=utf8mb4');
    expect(mysql['healthcheck']).toBeDefined();
    expect(redis['image']).toBe('redis:7-alpine');
    expect((redis['command'] as string[]).join(' ')).toContain('--appendonly yes');
    expect(redis['healthcheck']).toBeDefined();
  });

  it('uses only commands the api entrypoint knows', () => {
    const known = entrypointCommands(ENTRYPOINT);
    for (const name of ['api', 'migrate']) {
      const cmd = services[name]?.command;
      const word = Array.isArray(cmd) ? cmd[0] : cmd;
      expect(known).toContain(word);
    }
  });
});

describe.each(DOCKERFILES)('%s.Dockerfile', (name) => {
  const instrs = dockerfile(name);
  const allStages = stages(instrs);
  const runtime = allStages[allStages.length - 1];

  it('copies only files that exist in the repo', () => {
    expect(checkCopySources(instrs, REPO_ROOT)).toEqual([]);
  });

  it('copies the workspace files and its own app', () => {
    const sources = copyInstructions(instrs).filter((c) => c.from === undefined).flatMap((c) => c.sources);
    for (const f of ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', 'turbo.json', 'tsconfig.base.json', 'packages', 'tooling', `apps/${name}`]) {
      expect(sources).toContain(f);
    }
  });

  it('builds on node:20-bookworm-slim with the pnpm of package.json', () => {
    const node = allStages.filter((s) => resolveFrom(s.from, globalArgs(instrs)).startsWith('node:'));
    expect(node.length).toBeGreaterThan(0);
    for (const s of node) expect(resolveFrom(s.from, globalArgs(instrs))).toBe('node:20-bookworm-slim');
    const pnpm = /pnpm@([\d.]+)/.exec(instrs.map((i) => i.args).join('\n'))?.[1];
    expect(`pnpm@${pnpm}`).toBe(ROOT_PACKAGE.packageManager);
  });

  it('installs from the lockfile and builds its app with turbo', () => {
    const run = instrs.filter((i) => i.keyword === 'RUN').map((i) => i.args).join('\n');
    expect(run).toContain('corepack enable');
    expect(run).toMatch(/pnpm install --frozen-lockfile/);
    expect(run).toContain(`pnpm turbo run build --filter=@sen/${name}...`);
  });

  it('ends in a runtime stage that is non-root, exposes a port and has a HEALTHCHECK', () => {
    expect(allStages.length).toBeGreaterThan(1);
    expect(checkImageShape(instrs)).toEqual([]);
  });

  it('sets only variables listed in .env.example at run time', () => {
    expect(unknownEnv(envInstructionNames(runtime?.instructions ?? []), ENV_EXAMPLE, name)).toEqual([]);
  });
});

describe('api and worker images', () => {
  it.each([
    ['api', '/health/ready', 'PORT'],
    ['worker', '/health/ready', 'WORKER_HEALTH_PORT'],
  ])('%s: HEALTHCHECK calls %s on %s, which EXPOSE matches', (name, route, portVar) => {
    const runtime = stages(dockerfile(name)).pop();
    const hc = runtime?.instructions.find((i) => i.keyword === 'HEALTHCHECK')?.args ?? '';
    expect(hc).toContain(route);
    expect(hc).toContain(`process.env.${portVar}`);
    const env = runtime?.instructions.filter((i) => i.keyword === 'ENV').map((i) => i.args).join(' ') ?? '';
    const port = new RegExp(`${portVar}=(\\d+)`).exec(env)?.[1];
    expect(runtime?.instructions.find((i) => i.keyword === 'EXPOSE')?.args.trim()).toBe(port);
  });

  it('api: ships the web app where WEB_DIST points and the migration CLI the entrypoint runs', () => {
    const instrs = dockerfile('api');
    const dests = copyInstructions(instrs).map((c) => `${c.from ?? ''}:${c.sources.join(',')}->${c.dest}`);
    expect(dests).toContain('build:/repo/apps/web/dist->./apps/web/dist');
    // apps/api finds the repo root by pnpm-workspace.yaml and resolves WEB_DIST from there.
    expect(dests).toContain('prune:/repo/package.json,/repo/pnpm-workspace.yaml->./');
    expect(envInstructionNames(instrs)).toContain('WEB_DIST');
    expect(ENTRYPOINT).toContain('node packages/db/dist/cli.js migrate');
    expect(ENTRYPOINT).toContain('node apps/api/dist/main.js');
    expect([...entrypointCommands(ENTRYPOINT)]).toEqual(expect.arrayContaining(['api', 'migrate', 'migrate-then-api', 'sen']));
    expect(fs.statSync(path.join(DOCKER_DIR, 'api-entrypoint.sh')).mode & 0o111).not.toBe(0);
  });

  it.each(DOCKERFILES)('%s: a BuildKit ignore file keeps host node_modules and dist out', (name) => {
    const ignore = fs.readFileSync(path.join(DOCKER_DIR, `${name}.Dockerfile.dockerignore`), 'utf8');
    expect(ignore).toMatch(/^\*\*\/node_modules$/m);
    expect(ignore).toMatch(/^\*\*\/dist$/m);
    expect(ignore).toMatch(/^\.env$/m);
  });
});

describe('nginx.conf (web image)', () => {
  const conf = fs.readFileSync(path.join(DOCKER_DIR, 'nginx.conf'), 'utf8');

  it('proxies to the compose api service on its PORT', () => {
    const m = /upstream\s+(\S+)\s*\{[^}]*server\s+([\w.-]+):(\d+)/.exec(conf);
    expect(m).not.toBeNull();
    const [, upstream, host, port] = m ?? [];
    expect(Object.keys(services)).toContain(host);
    expect(port).toBe(composeEnv(services[host ?? ''] ?? {}).get('PORT'));
    expect(conf).toMatch(new RegExp(`location /api/ \\{[^}]*proxy_pass http://${upstream};`));
    expect(conf).toMatch(new RegExp(`location /health/ \\{[^}]*proxy_pass http://${upstream};`));
  });

  it('listens on the port the web image exposes and falls back to index.html', () => {
    const expose = stages(dockerfile('web')).pop()?.instructions.find((i) => i.keyword === 'EXPOSE')?.args.trim();
    expect(conf).toContain(`listen ${expose};`);
    expect(conf).toMatch(/try_files \$uri \$uri\/ \/index\.html;/);
  });
});

describe('k8s manifests', () => {
  it('parse and hold the expected objects', () => {
    const kinds = manifests.map((m) => `${m.doc.kind}/${m.doc.metadata?.name ?? ''}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'Namespace/sen',
        'ConfigMap/sen-config',
        'Secret/sen-secrets',
        'Deployment/sen-api',
        'Service/api',
        'Deployment/sen-worker',
        'HorizontalPodAutoscaler/sen-api',
        'HorizontalPodAutoscaler/sen-worker',
        'Job/sen-migrate',
        'Ingress/sen',
        'Kustomization/',
      ]),
    );
  });

  it('ConfigMap and Secret hold only .env.example variables, each in one place', () => {
    const cm = Object.keys(mustFind('ConfigMap', 'sen-config').data ?? {});
    const secret = Object.keys(mustFind('Secret', 'sen-secrets').stringData ?? {});
    expect(cm.length).toBeGreaterThan(0);
    expect(secret.length).toBeGreaterThan(0);
    expect([...unknownEnv(cm, ENV_EXAMPLE, 'configmap'), ...unknownEnv(secret, ENV_EXAMPLE, 'secret')]).toEqual([]);
    expect(cm.filter((k) => secret.includes(k))).toEqual([]);
  });

  it('keeps secrets out of the ConfigMap and marks every example secret value for replacement', () => {
    const cm = Object.keys(mustFind('ConfigMap', 'sen-config').data ?? {});
    for (const k of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRETS', 'SMTP_URL']) expect(cm).not.toContain(k);
    const values = Object.values(mustFind('Secret', 'sen-secrets').stringData ?? {}).map(String).filter(Boolean);
    expect(values.length).toBeGreaterThan(0);
    for (const v of values) expect(v).toContain('REPLACE');
    expect(mustFind('ConfigMap', 'sen-config').data?.['DEMO_MODE']).toBe('false');
  });

  it.each(K8S_WORKLOADS)('$kind/$name: env only from .env.example, refs exist, $role gets what it needs and no other secret', ({ kind, name, role }) => {
    const containers = containersOf(mustFind(kind, name));
    expect(containers.length).toBeGreaterThan(0);
    for (const c of containers) {
      const { names, problems } = containerEnv(c, manifests);
      expect(problems).toEqual([]);
      expect(unknownEnv(names.keys(), ENV_EXAMPLE, `${name}/${c.name}`)).toEqual([]);
      expect(missingEnv(new Set(names.keys()), NEEDS[role], `${name}/${c.name}`)).toEqual([]);
      for (const n of MUST_NOT_GET[role]) expect(names.has(n)).toBe(false);
      // Secrets come key by key, never with envFrom (that would hand every secret to every process).
      expect((c.envFrom ?? []).filter((r) => r.secretRef)).toEqual([]);
    }
  });

  it.each(['sen-api', 'sen-worker'])('Deployment/%s: probes on /health/live and /health/ready', (name) => {
    const containers = containersOf(mustFind('Deployment', name));
    expect(containers.length).toBeGreaterThan(0);
    expect(containers.flatMap(checkProbes)).toEqual([]);
  });

  it('every workload container has cpu and memory requests and a memory limit', () => {
    const all = [...objects('Deployment'), ...objects('Job')].flatMap(containersOf);
    expect(all.length).toBeGreaterThanOrEqual(3);
    for (const c of all) {
      expect({ c: c.name, cpu: c.resources?.requests?.cpu, mem: c.resources?.requests?.memory }).toEqual({ c: c.name, cpu: expect.any(String), mem: expect.any(String) });
      expect({ c: c.name, limit: c.resources?.limits?.['memory'] }).toEqual({ c: c.name, limit: expect.any(String) });
    }
  });

  it('api: 3 replicas listening on the configured PORT', () => {
    const api = mustFind('Deployment', 'sen-api');
    expect(api.spec?.['replicas']).toBe(3);
    const port = mustFind('ConfigMap', 'sen-config').data?.['PORT'];
    const ports = containersOf(api).flatMap((c) => c.ports ?? []);
    expect(ports.map((p) => String(p.containerPort))).toEqual([String(port)]);
  });

  it('worker: 2 replicas, health on WORKER_HEALTH_PORT, 60 s or more to finish a job on SIGTERM', () => {
    const worker = mustFind('Deployment', 'sen-worker');
    expect(worker.spec?.['replicas']).toBe(2);
    const port = mustFind('ConfigMap', 'sen-config').data?.['WORKER_HEALTH_PORT'];
    const ports = containersOf(worker).flatMap((c) => c.ports ?? []);
    expect(ports.map((p) => String(p.containerPort))).toEqual([String(port)]);
    expect(podSpec(worker)?.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(60);
  });

  it('HPAs (autoscaling/v2) target existing workloads with cpu requests, starting at their replicas', () => {
    expect(checkHpaTargets(manifests)).toEqual([]);
    for (const name of ['sen-api', 'sen-worker']) {
      const hpa = mustFind('HorizontalPodAutoscaler', name);
      const ref = hpa.spec?.['scaleTargetRef'] as { kind: string; name: string };
      expect(hpa.spec?.['minReplicas']).toBe(mustFind(ref.kind, ref.name).spec?.['replicas']);
      expect(JSON.stringify(hpa.spec?.['metrics'])).toContain('"name":"cpu"');
    }
  });

  it('Service and Ingress route to the api pods (which serve the web app too)', () => {
    expect(checkRouting(manifests)).toEqual([]);
    expect(objects('Ingress').length).toBe(1);
  });

  it('the migration Job runs the api image with the entrypoint`s migrate command, once', () => {
    const job = mustFind('Job', 'sen-migrate');
    const [c] = containersOf(job);
    const [api] = containersOf(mustFind('Deployment', 'sen-api'));
    expect(c?.image).toBe(api?.image);
    expect(c?.args).toEqual(['migrate']);
    expect(entrypointCommands(ENTRYPOINT)).toContain('migrate');
    expect((podSpec(job) as { restartPolicy?: string }).restartPolicy).toBe('Never');
  });

  it('kustomization lists every manifest, each of which exists, and retags the images used', () => {
    const k = manifests.find((m) => m.doc.kind === 'Kustomization')?.doc ?? {};
    expect(checkKustomization(K8S_DIR, k)).toEqual([]);
    const images = ((k as { images?: { name: string }[] }).images ?? []).map((i) => i.name);
    const used = [...objects('Deployment'), ...objects('Job')].flatMap(containersOf).map((c) => (c.image ?? '').split(':')[0]);
    expect(used.length).toBeGreaterThan(0);
    for (const u of used) expect(images).toContain(u);
  });
});

describe('the checks catch what they are meant to catch', () => {
  it('unknown and missing variables', () => {
    expect(unknownEnv(['DATABASE_URL', 'DATABSE_URL'], ENV_EXAMPLE, 'x')).toEqual(['x: DATABSE_URL is not in .env.example']);
    expect(missingEnv(new Set(['DATABASE_URL']), NEEDS.api, 'x')).toHaveLength(NEEDS.api.length - 1);
    expect([...interpolatedNames('a ${A:-1} $B $$C ${D}')]).toEqual(['A', 'B', 'D']);
  });

  it('compose: a build without a Dockerfile, an image-less service, an unknown dependency', () => {
    const broken = parseCompose(`
services:
  a: { build: { context: .., dockerfile: infra/docker/nope.Dockerfile } }
  b: { environment: { X: "1" } }
  c: { image: x, depends_on: [a, ghost] }
`);
    expect(checkComposeImages(broken, INFRA_DIR)).toHaveLength(2);
    expect(checkDependsOn(broken)).toEqual(['c: depends_on names unknown service "ghost"']);
  });

  it('Dockerfile: missing or escaping COPY sources, root user, no HEALTHCHECK, unknown stage', () => {
    const instrs = parseDockerfile(
      'FROM node:20-bookworm-slim AS build\nCOPY apps/nope \\\n  /x/\nCOPY ../etc/passwd /p\nFROM node:20-bookworm-slim\nCOPY --from=bild /a /b\nUSER root\n',
    );
    expect(checkCopySources(instrs, REPO_ROOT)).toEqual(['COPY apps/nope: not in the repo', 'COPY ../etc/passwd leaves the build context']);
    expect(checkImageShape(instrs)).toEqual([
      'runtime stage runs as root',
      'runtime stage has no HEALTHCHECK',
      'runtime stage has no EXPOSE',
      'COPY --from=bild: no such stage',
    ]);
  });

  it('k8s: wrong probe paths and ports, dangling HPA, Service and Ingress', () => {
    const c: Container = {
      name: 'x',
      ports: [{ name: 'http', containerPort: 3000 }],
      livenessProbe: { httpGet: { path: '/health', port: 'http' } },
      readinessProbe: { httpGet: { path: '/health/ready', port: 'web' } },
    };
    expect(checkProbes(c)).toEqual(['x: livenessProbe path is /health, not /health/live', 'x: readinessProbe port web is not a container port']);
    const docs: Manifest[] = [
      { file: 'h.yaml', doc: { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'h' }, spec: { scaleTargetRef: { kind: 'Deployment', name: 'gone' }, maxReplicas: 2 } } },
      { file: 's.yaml', doc: { kind: 'Service', metadata: { name: 's' }, spec: { selector: { app: 'gone' }, ports: [{ port: 80 }] } } },
      { file: 'i.yaml', doc: { kind: 'Ingress', metadata: { name: 'i' }, spec: { rules: [{ http: { paths: [{ backend: { service: { name: 'nope', port: { number: 80 } } } }] } }] } } },
    ];
    expect(checkHpaTargets(docs)).toEqual(['HPA h: target Deployment/gone does not exist']);
    expect(checkRouting(docs)).toEqual(['Service s: selector matches no Deployment\'s pods', 'Ingress i: backend Service nope does not exist']);
    expect(containerEnv({ name: 'x', envFrom: [{ configMapRef: { name: 'nope' } }] }, docs).problems).toHaveLength(1);
    const secret: Manifest = { file: 's.yaml', doc: { kind: 'Secret', metadata: { name: 'sec' }, stringData: { A: 'a' } } };
    const refs: Container = {
      name: 'y',
      env: [
        { name: 'A', valueFrom: { secretKeyRef: { name: 'sec', key: 'A' } } },
        { name: 'B', valueFrom: { secretKeyRef: { name: 'sec', key: 'B' } } },
        { name: 'C', valueFrom: { secretKeyRef: { name: 'sec', key: 'C', optional: true } } },
      ],
    };
    expect(containerEnv(refs, [secret]).problems).toEqual(['y: B refers to missing Secret key sec/B']);
  });

  it('kustomization: a listed file that is missing and a manifest that is not listed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sen-infra-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.yaml'), 'kind: ConfigMap\n');
      fs.writeFileSync(path.join(dir, 'b.yaml'), 'kind: ConfigMap\n');
      expect(checkKustomization(dir, { resources: ['a.yaml', 'c.yaml'] })).toEqual(['kustomization lists missing c.yaml', 'b.yaml is not listed in kustomization.yaml']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
