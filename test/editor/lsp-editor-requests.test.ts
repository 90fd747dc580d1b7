import { afterEach, describe, expect, it } from 'vitest';
import { fileUri, startLsp, type LspSession } from '../helpers/lsp-client.js';
import { tempTree } from '../helpers/temp.js';

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;
const SINGLE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n';

describe('what the editor extensions ask of kubeknit lsp', () => {
  let lsp: LspSession | undefined;
  afterEach(async () => lsp?.stop());

  it('kubeknit/graphPage returns the workspace diagram with the current file\'s objects highlighted', async () => {
    const root = tempTree({ 'web.yaml': WEB, 'svc.yaml': SINGLE });
    lsp = await startLsp(root, { debounceMs: 0 });
    await lsp.waitForDiagnostics(fileUri(root, 'svc.yaml'), () => true).catch(() => undefined);
    const { html } = await lsp.connection.sendRequest<{ html: string }>('kubeknit/graphPage', { uri: fileUri(root, 'svc.yaml') });
    expect(html).toContain('<svg');
    const highlighted = JSON.parse(/<script type="application\/json" id="kk-highlight">(.*?)<\/script>/.exec(html)?.[1] ?? 'null');
    expect(highlighted).toEqual(['Service/default/web']);
    // Without a file: the diagram, nothing highlighted. A uri of the wrong type is an InvalidParams error.
    const plain = await lsp.connection.sendRequest<{ html: string }>('kubeknit/graphPage', {});
    expect(plain.html).toContain('<svg');
    expect(plain.html).not.toContain('kk-highlight');
    await expect(lsp.connection.sendRequest('kubeknit/graphPage', { uri: 42 })).rejects.toMatchObject({ code: -32602 });
  }, 60_000);

  it('applies the preset the editor sets in initializationOptions', async () => {
    const root = tempTree({ 'web.yaml': WEB });
    const ruleIds = async (options: Record<string, unknown>) => {
      lsp = await startLsp(root, { debounceMs: 0, ...options });
      const list = await lsp.waitForDiagnostics(fileUri(root, 'web.yaml'), (d) => d.length > 0);
      await lsp.stop();
      lsp = undefined;
      return new Set(list.map((d) => d.code));
    };
    const recommended = await ruleIds({});
    const strict = await ruleIds({ preset: 'strict' });
    // `strict` turns on rules that the default (`recommended`) leaves off, e.g. missing-liveness-probe.
    expect(strict.has('missing-liveness-probe')).toBe(true);
    expect(recommended.has('missing-liveness-probe')).toBe(false);
    // A preset kubeknit does not know is ignored: the default applies, as with no setting.
    expect(await ruleIds({ preset: 'everything' })).toEqual(recommended);
  }, 90_000);
});
