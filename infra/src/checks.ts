/**
 * Readers and consistency checks for Sen's deployment files. Every check returns a list of problems
 * (empty = fine) so the spec can assert on real files and also feed each check a broken copy to prove
 * it catches what it is meant to catch. Paths are resolved from this file, never absolute.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

export const INFRA_DIR = path.resolve(__dirname, '..');
export const REPO_ROOT = path.resolve(INFRA_DIR, '..');

// ---------------------------------------------------------------------------------------------------
// .env.example

/** The variable names of an .env file (`NAME=value` lines; comments and blanks skipped). */
export function envNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line);
    if (m?.[1]) names.add(m[1]);
  }
  return names;
}

export function unknownEnv(names: Iterable<string>, known: Set<string>, where: string): string[] {
  return [...names].filter((n) => !known.has(n)).map((n) => `${where}: ${n} is not in .env.example`);
}

export function missingEnv(names: Set<string>, required: readonly string[], where: string): string[] {
  return required.filter((n) => !names.has(n)).map((n) => `${where}: ${n} is not set`);
}

// ---------------------------------------------------------------------------------------------------
// docker compose

export interface ComposeBuild {
  context?: string;
  dockerfile?: string;
}
export interface ComposeService {
  image?: string;
  build?: string | ComposeBuild;
  command?: string | string[];
  environment?: Record<string, unknown> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  ports?: string[];
}
export interface ComposeFile {
  services?: Record<string, ComposeService>;
}

/** Parses compose YAML; `merge` resolves the `<<: *anchor` keys compose understands. */
export function parseCompose(text: string): ComposeFile {
  return parse(text, { merge: true }) as ComposeFile;
}

export function composeServices(file: ComposeFile): Record<string, ComposeService> {
  return file.services ?? {};
}

/** A service running one of Sen's own images (built here), as opposed to mysql or redis. */
export function isSenService(svc: ComposeService): boolean {
  return svc.build !== undefined || (svc.image ?? '').startsWith('sen/');
}

export function composeEnv(svc: ComposeService): Map<string, string> {
  const env = new Map<string, string>();
  if (Array.isArray(svc.environment)) {
    for (const entry of svc.environment) {
      const [k, ...v] = String(entry).split('=');
      if (k) env.set(k, v.join('='));
    }
  } else if (svc.environment) {
    for (const [k, v] of Object.entries(svc.environment)) env.set(k, v === null || v === undefined ? '' : String(v));
  }
  return env;
}

export function dependsOnNames(svc: ComposeService): string[] {
  if (!svc.depends_on) return [];
  return Array.isArray(svc.depends_on) ? svc.depends_on : Object.keys(svc.depends_on);
}

/** The Dockerfile a compose build uses, resolved like compose does (context from the compose file's dir). */
export function composeDockerfile(build: string | ComposeBuild, composeDir: string): string {
  const b: ComposeBuild = typeof build === 'string' ? { context: build } : build;
  const context = path.resolve(composeDir, b.context ?? '.');
  return path.resolve(context, b.dockerfile ?? 'Dockerfile');
}

export function checkComposeImages(file: ComposeFile, composeDir: string): string[] {
  const problems: string[] = [];
  for (const [name, svc] of Object.entries(composeServices(file))) {
    if (!svc.image && !svc.build) problems.push(`${name}: neither image nor build`);
    if (svc.build) {
      const dockerfile = composeDockerfile(svc.build, composeDir);
      if (!fs.existsSync(dockerfile)) problems.push(`${name}: Dockerfile ${dockerfile} does not exist`);
    }
  }
  return problems;
}

export function checkDependsOn(file: ComposeFile): string[] {
  const services = composeServices(file);
  const problems: string[] = [];
  for (const [name, svc] of Object.entries(services)) {
    for (const dep of dependsOnNames(svc)) {
      if (!(dep in services)) problems.push(`${name}: depends_on names unknown service "${dep}"`);
      if (dep === name) problems.push(`${name}: depends on itself`);
    }
  }
  return problems;
}

/**
 * Variables compose interpolates from the shell (`${NAME}`, `${NAME:-default}`, `$NAME`);
 * `$$` is an escaped dollar for the container's shell and is skipped.
 */
export function interpolatedNames(text: string): Set<string> {
  const names = new Set<string>();
  const re = /\$(\$|\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|([A-Za-z_][A-Za-z0-9_]*))/g;
  for (const m of text.matchAll(re)) {
    if (m[1] === '$') continue;
    const name = m[2] ?? m[3];
    if (name) names.add(name);
  }
  return names;
}

/** Every string value in a parsed YAML tree (comments are not values, so they are never scanned). */
export function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(allStrings);
  return [];
}

// ---------------------------------------------------------------------------------------------------
// Dockerfiles

export interface Instruction {
  keyword: string;
  args: string;
}

/** Instructions of a Dockerfile: comments and parser directives dropped, `\` continuations joined. */
export function parseDockerfile(text: string): Instruction[] {
  const out: Instruction[] = [];
  let pending = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (/^\s*#/.test(line)) continue;
    if (line.endsWith('\\')) {
      pending += line.slice(0, -1) + ' ';
      continue;
    }
    const full = (pending + line).trim();
    pending = '';
    if (!full) continue;
    const m = /^(\S+)\s*(.*)$/.exec(full);
    if (m?.[1]) out.push({ keyword: m[1].toUpperCase(), args: m[2] ?? '' });
  }
  return out;
}

/** Splits instruction arguments: JSON array form or whitespace-separated words. */
function words(args: string): string[] {
  const trimmed = args.trim();
  if (trimmed.startsWith('[')) {
    try {
      return (JSON.parse(trimmed) as unknown[]).map(String);
    } catch {
      // not JSON after all: fall through to the shell form
    }
  }
  return trimmed.split(/\s+/).filter(Boolean);
}

export interface CopyInstruction {
  from?: string;
  sources: string[];
  dest: string;
}

export function copyInstructions(instrs: Instruction[]): CopyInstruction[] {
  return instrs
    .filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD')
    .map((i) => {
      const all = words(i.args);
      const flags = all.filter((w) => w.startsWith('--'));
      const rest = all.filter((w) => !w.startsWith('--'));
      const from = flags.find((f) => f.startsWith('--from='))?.slice('--from='.length);
      return { from, sources: rest.slice(0, -1), dest: rest[rest.length - 1] ?? '' };
    });
}

/** Problems with COPY sources taken from the build context (the repo root): they must exist inside it. */
export function checkCopySources(instrs: Instruction[], contextDir: string): string[] {
  const problems: string[] = [];
  const copies = copyInstructions(instrs).filter((c) => c.from === undefined);
  if (copies.length === 0) problems.push('no COPY from the build context');
  for (const c of copies) {
    if (c.sources.length === 0) problems.push(`COPY without a source (dest ${c.dest})`);
    for (const src of c.sources) {
      const abs = path.resolve(contextDir, src);
      if (!abs.startsWith(contextDir + path.sep)) problems.push(`COPY ${src} leaves the build context`);
      else if (!fs.existsSync(abs)) problems.push(`COPY ${src}: not in the repo`);
    }
  }
  return problems;
}

export interface Stage {
  name?: string;
  from: string;
  instructions: Instruction[];
}

export function stages(instrs: Instruction[]): Stage[] {
  const out: Stage[] = [];
  for (const i of instrs) {
    if (i.keyword === 'FROM') {
      const w = words(i.args).filter((x) => !x.startsWith('--'));
      const asIdx = w.findIndex((x) => x.toUpperCase() === 'AS');
      out.push({ from: w[0] ?? '', name: asIdx >= 0 ? w[asIdx + 1] : undefined, instructions: [] });
    } else {
      out[out.length - 1]?.instructions.push(i);
    }
  }
  return out;
}

/** Default values of the ARGs declared before the first FROM (the ones FROM lines may use). */
export function globalArgs(instrs: Instruction[]): Map<string, string> {
  const args = new Map<string, string>();
  for (const i of instrs) {
    if (i.keyword === 'FROM') break;
    if (i.keyword === 'ARG') {
      const [k, ...v] = i.args.trim().split('=');
      if (k) args.set(k, v.join('='));
    }
  }
  return args;
}

export function resolveFrom(from: string, args: Map<string, string>): string {
  return from.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_, n: string) => args.get(n) ?? '');
}

/** `ENV A=1 B=2` (and the legacy `ENV A 1`) names. */
export function envInstructionNames(instrs: Instruction[]): string[] {
  const names: string[] = [];
  for (const i of instrs.filter((x) => x.keyword === 'ENV')) {
    const w = i.args.trim();
    if (!w.includes('=')) {
      const first = w.split(/\s+/)[0];
      if (first) names.push(first);
      continue;
    }
    for (const m of w.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=/g)) if (m[1]) names.push(m[1]);
  }
  return names;
}

/** Problems with the shape of a runtime image: non-root user, HEALTHCHECK, EXPOSE, known stage refs. */
export function checkImageShape(instrs: Instruction[]): string[] {
  const problems: string[] = [];
  const all = stages(instrs);
  const last = all[all.length - 1];
  if (!last) return ['no FROM'];
  const users = last.instructions.filter((i) => i.keyword === 'USER');
  const user = users[users.length - 1]?.args.trim();
  if (!user) problems.push('runtime stage sets no USER (would run as root)');
  else if (/^(root|0)(:.*)?$/.test(user)) problems.push(`runtime stage runs as ${user}`);
  if (!last.instructions.some((i) => i.keyword === 'HEALTHCHECK' && !/^NONE$/i.test(i.args.trim()))) {
    problems.push('runtime stage has no HEALTHCHECK');
  }
  if (!last.instructions.some((i) => i.keyword === 'EXPOSE')) problems.push('runtime stage has no EXPOSE');
  const names = new Set(all.map((s) => s.name).filter((n): n is string => !!n));
  for (const c of copyInstructions(instrs)) {
    if (c.from !== undefined && !names.has(c.from)) problems.push(`COPY --from=${c.from}: no such stage`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------
// Kubernetes

export interface K8sObject {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; labels?: Record<string, string> };
  data?: Record<string, unknown>;
  stringData?: Record<string, unknown>;
  spec?: Record<string, unknown>;
  resources?: string[];
}

export interface Manifest {
  file: string;
  doc: K8sObject;
}

/** Every document of every YAML file of a directory (kustomization.yaml included). */
export function loadManifests(dir: string): Manifest[] {
  const out: Manifest[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    for (const d of parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf8'))) {
      if (d.errors.length) throw new Error(`${file}: ${d.errors.map((e) => e.message).join('; ')}`);
      const doc = d.toJS() as K8sObject | null;
      if (doc) out.push({ file, doc });
    }
  }
  return out;
}

export function findObject(manifests: Manifest[], kind: string, name: string): K8sObject | undefined {
  return manifests.find((m) => m.doc.kind === kind && m.doc.metadata?.name === name)?.doc;
}

export interface Probe {
  httpGet?: { path?: string; port?: string | number };
}
export interface KeyRef {
  name: string;
  key: string;
  optional?: boolean;
}
export interface Container {
  name: string;
  image?: string;
  args?: string[];
  env?: {
    name: string;
    value?: string;
    valueFrom?: { secretKeyRef?: KeyRef; configMapKeyRef?: KeyRef };
  }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  ports?: { name?: string; containerPort: number }[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  resources?: { requests?: { cpu?: string; memory?: string }; limits?: Record<string, string> };
}
export interface PodSpec {
  containers?: Container[];
  initContainers?: Container[];
  terminationGracePeriodSeconds?: number;
}

/** The pod template of a Deployment, StatefulSet, DaemonSet or Job. */
export function podSpec(obj: K8sObject): PodSpec | undefined {
  const template = obj.spec?.['template'] as { spec?: PodSpec } | undefined;
  return template?.spec;
}

export function podLabels(obj: K8sObject): Record<string, string> {
  const template = obj.spec?.['template'] as { metadata?: { labels?: Record<string, string> } } | undefined;
  return template?.metadata?.labels ?? {};
}

/**
 * Env vars a container sees: every key of the ConfigMaps/Secrets in `envFrom`, then its `env` (literal or
 * from a Secret/ConfigMap key). References to objects or keys that are not in the manifests are problems.
 */
export function containerEnv(c: Container, manifests: Manifest[]): { names: Map<string, string>; problems: string[] } {
  const names = new Map<string, string>();
  const problems: string[] = [];
  for (const ref of c.envFrom ?? []) {
    const [kind, name] = ref.configMapRef ? ['ConfigMap', ref.configMapRef.name] : ['Secret', ref.secretRef?.name ?? ''];
    const obj = findObject(manifests, kind, name);
    if (!obj) {
      problems.push(`${c.name}: envFrom ${kind} "${name}" is not in the manifests`);
      continue;
    }
    for (const [k, v] of Object.entries({ ...obj.data, ...obj.stringData })) names.set(k, String(v ?? ''));
  }
  for (const e of c.env ?? []) {
    const from = e.valueFrom;
    const ref = from?.secretKeyRef ?? from?.configMapKeyRef;
    if (ref) {
      const kind = from?.secretKeyRef ? 'Secret' : 'ConfigMap';
      const obj = findObject(manifests, kind, ref.name);
      const values: Record<string, unknown> = { ...obj?.data, ...obj?.stringData };
      if (!obj || !(ref.key in values)) {
        if (!ref.optional) problems.push(`${c.name}: ${e.name} refers to missing ${kind} key ${ref.name}/${ref.key}`);
        continue;
      }
      names.set(e.name, String(values[ref.key] ?? ''));
    } else {
      names.set(e.name, e.value ?? '');
    }
  }
  return { names, problems };
}

/** Liveness on /health/live, readiness on /health/ready, startup (if any) on /health/live, on a declared port. */
export function checkProbes(c: Container): string[] {
  const problems: string[] = [];
  const expect: [keyof Container, string, boolean][] = [
    ['livenessProbe', '/health/live', true],
    ['readinessProbe', '/health/ready', true],
    ['startupProbe', '/health/live', false],
  ];
  for (const [key, wanted, required] of expect) {
    const probe = c[key] as Probe | undefined;
    if (!probe) {
      if (required) problems.push(`${c.name}: no ${key}`);
      continue;
    }
    if (probe.httpGet?.path !== wanted) problems.push(`${c.name}: ${key} path is ${probe.httpGet?.path}, not ${wanted}`);
    const port = probe.httpGet?.port;
    const declared = (c.ports ?? []).some((p) => p.name === port || p.containerPort === port);
    if (!declared) problems.push(`${c.name}: ${key} port ${String(port)} is not a container port`);
  }
  return problems;
}

export function checkHpaTargets(manifests: Manifest[]): string[] {
  const problems: string[] = [];
  for (const { doc } of manifests.filter((m) => m.doc.kind === 'HorizontalPodAutoscaler')) {
    const name = doc.metadata?.name;
    if (doc.apiVersion !== 'autoscaling/v2') problems.push(`HPA ${name}: apiVersion ${doc.apiVersion}`);
    const ref = doc.spec?.['scaleTargetRef'] as { kind?: string; name?: string } | undefined;
    const target = ref?.kind && ref.name ? findObject(manifests, ref.kind, ref.name) : undefined;
    if (!target) {
      problems.push(`HPA ${name}: target ${ref?.kind}/${ref?.name} does not exist`);
      continue;
    }
    const min = Number(doc.spec?.['minReplicas'] ?? 1);
    const max = Number(doc.spec?.['maxReplicas']);
    if (!(min >= 1 && max >= min)) problems.push(`HPA ${name}: minReplicas ${min} / maxReplicas ${max}`);
    // Utilisation targets are a percentage of the request: without a cpu request the HPA cannot compute it.
    for (const c of podSpec(target)?.containers ?? []) {
      if (!c.resources?.requests?.cpu) problems.push(`HPA ${name}: container ${c.name} of its target has no cpu request`);
    }
  }
  return problems;
}

/** Files of the kustomization exist, and every manifest of the folder is listed (none forgotten). */
export function checkKustomization(dir: string, kustomization: K8sObject): string[] {
  const problems: string[] = [];
  const listed = kustomization.resources ?? [];
  if (listed.length === 0) problems.push('kustomization lists no resources');
  for (const r of listed) if (!fs.existsSync(path.join(dir, r))) problems.push(`kustomization lists missing ${r}`);
  const files = fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f) && !/^kustomization\.ya?ml$/.test(f));
  for (const f of files) if (!listed.includes(f)) problems.push(`${f} is not listed in kustomization.yaml`);
  return problems;
}

/** Services select some workload's pods; Ingress backends name existing Services and ports. */
export function checkRouting(manifests: Manifest[]): string[] {
  const problems: string[] = [];
  const workloads = manifests.filter((m) => m.doc.kind === 'Deployment');
  const services = manifests.filter((m) => m.doc.kind === 'Service');
  for (const { doc } of services) {
    const selector = (doc.spec?.['selector'] ?? {}) as Record<string, string>;
    const ports = (doc.spec?.['ports'] ?? []) as { name?: string; targetPort?: string | number }[];
    const match = workloads.find((w) => {
      const labels = podLabels(w.doc);
      return Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);
    });
    if (!match) {
      problems.push(`Service ${doc.metadata?.name}: selector matches no Deployment's pods`);
      continue;
    }
    const cports = (podSpec(match.doc)?.containers ?? []).flatMap((c) => c.ports ?? []);
    for (const p of ports) {
      if (!cports.some((cp) => cp.name === p.targetPort || cp.containerPort === p.targetPort)) {
        problems.push(`Service ${doc.metadata?.name}: targetPort ${String(p.targetPort)} is not a container port`);
      }
    }
  }
  for (const { doc } of manifests.filter((m) => m.doc.kind === 'Ingress')) {
    const rules = (doc.spec?.['rules'] ?? []) as { http?: { paths?: { backend?: { service?: { name?: string; port?: { name?: string; number?: number } } } }[] } }[];
    const backends = rules.flatMap((r) => r.http?.paths ?? []).map((p) => p.backend?.service);
    if (backends.length === 0) problems.push(`Ingress ${doc.metadata?.name}: no backends`);
    for (const b of backends) {
      const svc = services.find((s) => s.doc.metadata?.name === b?.name)?.doc;
      if (!svc) {
        problems.push(`Ingress ${doc.metadata?.name}: backend Service ${b?.name} does not exist`);
        continue;
      }
      const ports = (svc.spec?.['ports'] ?? []) as { name?: string; port?: number }[];
      if (!ports.some((p) => (b?.port?.name !== undefined ? p.name === b.port.name : p.port === b?.port?.number))) {
        problems.push(`Ingress ${doc.metadata?.name}: Service ${b?.name} has no port ${b?.port?.name ?? b?.port?.number}`);
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------
// misc

/** The commands `case` handles in a POSIX sh entrypoint (`  word) ...`, `*` excluded). */
export function entrypointCommands(script: string): Set<string> {
  const out = new Set<string>();
  for (const m of script.matchAll(/^\s*([a-z][a-z0-9-]*)\)/gm)) if (m[1]) out.add(m[1]);
  return out;
}

export function readRepoFile(...parts: string[]): string {
  return fs.readFileSync(path.join(REPO_ROOT, ...parts), 'utf8');
}
