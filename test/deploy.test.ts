/**
 * The Kubernetes manifests in deploy/, checked without a cluster: each object against the Kubernetes API schema
 * (kubernetes-models), and the promises they make to each other and to the app: the names, ports, probes,
 * variables and commands they use are the ones the image and the app actually have.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { CronJob } from 'kubernetes-models/batch/v1/CronJob';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../src/knowledge/index.js';

const ROOT = packageRoot();
const DEPLOY = join(ROOT, 'deploy');

type Json = Record<string, any>;
const manifest = (file: string): Json => parse(readFileSync(join(DEPLOY, file), 'utf8')) as Json;

const deployment = manifest('deployment.yaml');
const service = manifest('service.yaml');
const secret = manifest('secret.example.yaml');
const configMap = manifest('configmap.yaml');
const cronJob = manifest('cronjob-tips.yaml');
const pdb = manifest('poddisruptionbudget.yaml');
const hpa = manifest('horizontalpodautoscaler.yaml');
const kustomization = manifest('kustomization.yaml');

const podSpec = deployment.spec.template.spec;
const container = podSpec.containers[0];
const jobPod = cronJob.spec.jobTemplate.spec.template.spec;
const jobContainer = jobPod.containers[0];

/** Variables the app documents (one line each in .env.example): anything else in a manifest is a typo. */
const documentedVariables = new Set([...readFileSync(join(ROOT, '.env.example'), 'utf8').matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!));

/** A Kubernetes memory quantity in MiB: only the binary units the manifests use. */
const memoryMiB = (quantity: string): number => {
  const [, amount, unit] = /^(\d+)(Mi|Gi)$/.exec(quantity) ?? [];
  if (!amount) throw new Error(`unexpected memory quantity ${quantity}`);
  return Number(amount) * (unit === 'Gi' ? 1024 : 1);
};
const envNames = (c: Json): string[] => (c.env ?? []).map((e: Json) => e.name as string);
const refs = (c: Json, kind: 'secretKeyRef' | 'configMapKeyRef'): Json[] => (c.env ?? []).map((e: Json) => e.valueFrom?.[kind]).filter(Boolean);

describe('deploy/ manifests', () => {
  it.each([
    ['deployment.yaml', Deployment],
    ['service.yaml', Service],
    ['secret.example.yaml', Secret],
    ['configmap.yaml', ConfigMap],
    ['cronjob-tips.yaml', CronJob],
    ['poddisruptionbudget.yaml', PodDisruptionBudget],
    ['horizontalpodautoscaler.yaml', HorizontalPodAutoscaler],
  ] as const)('%s is a valid Kubernetes object', (file, Model) => {
    expect(() => new Model(manifest(file) as never).validate()).not.toThrow();
  });

  it('kustomization applies every manifest except the Secret example, so real tokens are never overwritten', () => {
    const files = readdirSync(DEPLOY).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml');
    expect([...kustomization.resources].sort()).toEqual(files.filter((f) => f !== 'secret.example.yaml').sort());
  });

  it('the Secret example holds placeholders only', () => {
    for (const value of Object.values(secret.stringData as Record<string, string>)) expect(value).toMatch(/REPLACE/);
  });

  it('the HTTP Deployment runs 2+ non-root replicas with probes on /healthz and resource requests', () => {
    expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
    const port = container.ports.find((p: Json) => p.name === 'http');
    expect(String(port.containerPort)).toBe(container.env.find((e: Json) => e.name === 'PORT').value);
    for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe']) {
      expect(container[probe].httpGet).toEqual({ path: '/healthz', port: 'http' });
    }
    expect(container.resources.requests).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
    expect(podSpec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
    expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true });
  });

  it('the Deployment is HTTP mode and never posts tips: bot token and signing secret, no app token, no tip channels', () => {
    expect(envNames(container)).toEqual(expect.arrayContaining(['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET']));
    expect(envNames(container)).not.toContain('SLACK_APP_TOKEN');
    expect(envNames(container)).not.toContain('TIP_CHANNELS');
    expect(container.envFrom).toBeUndefined();
  });

  it('replicas and the tip job share the tip calendar, so App Home shows the tip that was posted', () => {
    for (const name of ['TIP_TIMEZONE', 'TIP_DAYS']) {
      const ref = container.env.find((e: Json) => e.name === name)?.valueFrom?.configMapKeyRef;
      expect(ref, `${name} on the replicas`).toEqual({ name: configMap.metadata.name, key: name });
    }
  });

  it("every variable the pods set is one the app reads, or Node's own heap cap", () => {
    for (const name of [...envNames(container), ...envNames(jobContainer)]) {
      if (name !== 'NODE_OPTIONS') expect(documentedVariables).toContain(name);
    }
    const nodeOptions = container.env.find((variable: Json) => variable.name === 'NODE_OPTIONS')?.value as string | undefined;
    const oldSpaceMiB = Number(/--max-old-space-size=(\d+)/.exec(nodeOptions ?? '')?.[1]);
    // The heap cap must leave room, under the container's memory limit, for code, buffers and young generation.
    expect(oldSpaceMiB).toBeGreaterThan(0);
    expect(oldSpaceMiB).toBeLessThanOrEqual(memoryMiB(container.resources.limits.memory) / 2);
  });

  it('every Secret and ConfigMap reference names a key that exists', () => {
    for (const ref of [...refs(container, 'secretKeyRef'), ...refs(jobContainer, 'secretKeyRef')]) {
      expect(ref.name).toBe(secret.metadata.name);
      expect(Object.keys(secret.stringData)).toContain(ref.key);
    }
    for (const ref of refs(container, 'configMapKeyRef')) {
      expect(ref.name).toBe(configMap.metadata.name);
      expect(Object.keys(configMap.data)).toContain(ref.key);
    }
    expect(jobContainer.envFrom).toEqual([{ configMapRef: { name: configMap.metadata.name } }]);
  });

  it('the Service, PodDisruptionBudget and autoscaler all point at the Deployment', () => {
    const podLabels = deployment.spec.template.metadata.labels;
    expect(podLabels).toMatchObject(deployment.spec.selector.matchLabels);
    expect(podLabels).toMatchObject(service.spec.selector);
    expect(podLabels).toMatchObject(pdb.spec.selector.matchLabels);
    expect(service.spec.ports[0].targetPort).toBe('http');
    expect(hpa.spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: deployment.metadata.name });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
  });

  it('the tip CronJob runs once at a time, in the time zone the tips are dated in', () => {
    expect(cronJob.spec.concurrencyPolicy).toBe('Forbid');
    expect(cronJob.spec.timeZone).toBe(configMap.data.TIP_TIMEZONE);
    expect(jobPod.restartPolicy).toBe('Never');
    expect(jobPod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
  });

  it('the image commands exist in the build: the server and the CLI (npm test builds first)', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)![1]!) as string[];
    expect(cmd).toEqual(['node', 'dist/src/main.js']);
    expect(jobContainer.command.slice(0, 2)).toEqual(['node', 'dist/src/cli/main.js']);
    for (const entry of [cmd[1]!, jobContainer.command[1]]) expect(existsSync(join(ROOT, entry))).toBe(true);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/HEALTHCHECK[\s\S]*\/healthz/);
  });

  it('the image copies every snapshot file the build writes, so the app starts from them and not from the YAML', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    const written = readdirSync(join(ROOT, 'dist')).filter((name) => name.includes('.snapshot.json'));
    expect(written.length).toBeGreaterThan(0);
    for (const name of written) expect(dockerfile, name).toContain(`/app/dist/${name} `);
  });

  it('the CronJob runs `srm post-tip` with settings the CLI reads', () => {
    expect(jobContainer.command).toEqual(['node', 'dist/src/cli/main.js', 'post-tip']);
    for (const name of Object.keys(configMap.data)) expect(documentedVariables).toContain(name);
  });
});
