/**
 * A Pod `app` with one container `app` (image `app:1.0`), for rule tests. The lines are fixed:
 *
 *     1 apiVersion: v1
 *     2 kind: Pod
 *     3 metadata: {name: app}
 *     4 spec:
 *       …podFields, one per line (indented under spec)
 *     5 containers:          (5 + the number of podFields lines)
 *     6 - name: app
 *     7   image: app:1.0
 *     8   …containerFields   (indented under the container)
 */
export function singleContainerPod(containerFields = '', podFields = ''): string {
  // Re-indent the fields under their parent, whatever indentation they were written with.
  const indent = (text: string, by: string) => {
    const lines = text.split('\n').filter((l) => l.trim());
    const common = Math.min(...lines.map((l) => l.length - l.trimStart().length));
    return lines.map((l) => `${by}${l.slice(common)}`).join('\n');
  };
  const lines = ['apiVersion: v1', 'kind: Pod', 'metadata: {name: app}', 'spec:'];
  if (podFields.trim()) lines.push(indent(podFields, '  '));
  lines.push('  containers:', '  - name: app', '    image: app:1.0');
  if (containerFields.trim()) lines.push(indent(containerFields, '    '));
  return `${lines.join('\n')}\n`;
}
