import { defineRule, describeContainer, securityFieldFailures } from '../src/rule-api.js';

export default defineRule({
  id: 'writable-root-filesystem',
  family: 'security',
  severity: 'warning',
  locality: 'object',
  presets: ['strict'],
  description: 'A container\'s root filesystem is writable (readOnlyRootFilesystem is not true)',
  docs: {
    why: 'A writable root filesystem lets an attacker who gets into the container replace its binaries or drop tools, and lets the app itself write state that vanishes on restart. The container\'s root filesystem is writable unless readOnlyRootFilesystem is true. Windows Pods are skipped (the field does not apply there).',
    fix: 'Set securityContext.readOnlyRootFilesystem: true and mount an emptyDir volume where the app must write (/tmp, caches).',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: registry.example.com/app:1.4.2\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: registry.example.com/app:1.4.2\n    securityContext:\n      readOnlyRootFilesystem: true\n    volumeMounts: [{name: tmp, mountPath: /tmp}]\n  volumes:\n  - {name: tmp, emptyDir: {}}\n',
  },
  messages: {
    writable: '{{container}} sets readOnlyRootFilesystem: false, so a process in it can change its binaries and configuration',
    notReadOnly: '{{container}} does not set readOnlyRootFilesystem: true, so a process in it can change its binaries and configuration',
  },
  check({ objects, report }) {
    for (const { ref, value, path } of securityFieldFailures(objects, { field: 'readOnlyRootFilesystem', linuxOnly: true, fails: (v) => v !== true })) {
      report(ref.object, path, value === false ? 'writable' : 'notReadOnly', { container: describeContainer(ref) });
    }
  },
});
