import { ruleTester } from '../helpers/rule-tester.js';

const secret = 'apiVersion: v1\nkind: Secret\nmetadata: {name: db}\ndata: {username: YWRtaW4=}\nstringData: {password: change-me}\n---\n';
const pod = (keyRef: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    env:\n    - name: V\n      valueFrom:\n        secretKeyRef: ${keyRef}\n`;

ruleTester('missing-secret-key', {
  valid: [
    { name: 'key from data', yaml: secret + pod('{name: db, key: username}') },
    { name: 'key from stringData', yaml: secret + pod('{name: db, key: password}') },
    { name: 'optional', yaml: secret + pod('{name: db, key: token, optional: true}') },
  ],
  invalid: [
    { name: 'key not in the Secret', yaml: secret + pod('{name: db, key: passwd}'), findings: [{ line: 16, messageId: 'keyMissing', data: { targetKind: 'Secret', target: 'db', key: 'passwd', keys: 'password, username' } }] },
    {
      name: 'projected secret item',
      yaml: `${secret}apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers: [{name: app}]\n  volumes:\n  - name: all\n    projected:\n      sources:\n      - secret:\n          name: db\n          items: [{key: token, path: token}]\n`,
      findings: [{ line: 18, messageId: 'keyMissing', data: { target: 'db', key: 'token' } }],
    },
  ],
});
