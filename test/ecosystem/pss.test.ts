import { describe, expect, it } from 'vitest';
import { lint, RULES } from '../../src/index.js';
import { presetsOf } from '../../src/engine/rule.js';
import { runRule } from '../helpers/rule-tester.js';

/** Each control of https://kubernetes.io/docs/concepts/security/pod-security-standards/ and the rule that implements it. */
const CONTROLS: Array<{ control: string; level: 'baseline' | 'restricted'; rule: string }> = [
  { control: 'Host Namespaces', level: 'baseline', rule: 'host-namespaces' },
  { control: 'Privileged Containers', level: 'baseline', rule: 'privileged-container' },
  { control: 'Capabilities', level: 'baseline', rule: 'dangerous-capabilities' },
  { control: 'HostPath Volumes', level: 'baseline', rule: 'host-path-volume' },
  { control: 'Host Ports', level: 'baseline', rule: 'host-port' },
  { control: 'AppArmor', level: 'baseline', rule: 'apparmor-profile' },
  { control: 'SELinux', level: 'baseline', rule: 'selinux-options' },
  { control: '/proc Mount Type', level: 'baseline', rule: 'unsafe-proc-mount' },
  { control: 'Seccomp', level: 'baseline', rule: 'missing-seccomp-profile' },
  { control: 'Sysctls', level: 'baseline', rule: 'unsafe-sysctls' },
  { control: 'Volume Types', level: 'restricted', rule: 'restricted-volume-types' },
  { control: 'Privilege Escalation', level: 'restricted', rule: 'privilege-escalation-allowed' },
  { control: 'Running as Non-root', level: 'restricted', rule: 'run-as-root' },
  { control: 'Running as Non-root user', level: 'restricted', rule: 'run-as-root' },
  { control: 'Seccomp', level: 'restricted', rule: 'missing-seccomp-profile' },
];

describe('Pod Security Standards presets', () => {
  for (const { control, level, rule: id } of CONTROLS) {
    it(`${level} control "${control}" is rule ${id}, in pss-${level} (and pss-restricted), its docs citing the control`, () => {
      const rule = RULES.find((r) => r.id === id)!;
      expect(rule, id).toBeDefined();
      expect(presetsOf(rule)).toContain(`pss-${level}`);
      expect(presetsOf(rule)).toContain('pss-restricted');
      expect(rule.docs.why).toContain(`"${control}`);
    });
  }

  it('baseline allows an unset seccomp profile, restricted does not; both refuse Unconfined', async () => {
    const pod = (context: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n${context}  containers:\n  - {name: app, image: "app:1.0"}\n`;
    const lintWith = async (preset: 'pss-baseline' | 'pss-restricted', text: string) => (await lint([], { preset, inline: [{ file: 't.yaml', text }] })).findings.filter((f) => f.ruleId === 'missing-seccomp-profile').map((f) => f.messageId);
    expect(await lintWith('pss-baseline', pod(''))).toEqual([]);
    expect(await lintWith('pss-restricted', pod(''))).toEqual(['unset']);
    expect(await lintWith('pss-baseline', pod('  securityContext: {seccompProfile: {type: Unconfined}}\n'))).toEqual(['unconfined']);
    expect(await lintWith('pss-restricted', pod('  securityContext: {seccompProfile: {type: RuntimeDefault}}\n'))).toEqual([]);
  });

  it('a namespace labelled pod-security.kubernetes.io/enforce turns its preset on for that namespace only', async () => {
    const pod = (ns: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: app, namespace: ${ns}}\nspec:\n  containers:\n  - name: app\n    image: app:1.0\n    ports: [{containerPort: 80, hostPort: 80}]\n  volumes: [{name: data, nfs: {server: nfs.example.com, path: /x}}]\n---\n`;
    const text = `apiVersion: v1\nkind: Namespace\nmetadata: {name: secure, labels: {pod-security.kubernetes.io/enforce: restricted}}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: base, labels: {pod-security.kubernetes.io/enforce: baseline}}\n---\n${pod('secure')}${pod('base')}${pod('open')}`;
    const run = async (rules?: Record<string, 'off'>) => (await lint([], { inline: [{ file: 't.yaml', text }], rules })).findings
      .filter((f) => ['host-port', 'restricted-volume-types', 'missing-seccomp-profile'].includes(f.ruleId)).map((f) => `${f.ruleId} ${f.object?.namespace}`);
    const found = await run();
    expect(found.filter((f) => f.endsWith(' open'))).toEqual([]);
    expect(found.filter((f) => f.endsWith(' base')).sort()).toEqual(['host-port base']);
    expect(found.filter((f) => f.endsWith(' secure')).sort()).toEqual(['host-port secure', 'missing-seccomp-profile secure', 'restricted-volume-types secure']);
    // A rule the user turned off stays off.
    expect((await run({ 'host-port': 'off' })).filter((f) => f.startsWith('host-port'))).toEqual([]);
  });

  it('the new rules report what they are for', async () => {
    expect((await runRule('exposed-service', 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {type: NodePort, ports: [{port: 80}]}\n')).map((f) => f.severity)).toEqual(['info']);
    expect(await runRule('image-pull-policy', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: a, image: "r.example.com/a@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", imagePullPolicy: Always}\n  - {name: b, image: "r.example.com/b:1", imagePullPolicy: Always}\n')).toHaveLength(1);
  });
});
