import { ruleTester } from '../helpers/rule-tester.js';

const pods = (versions: string[]) => versions.map((v) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: reviews-${v}}\nspec:\n  selector: {matchLabels: {app: reviews, version: ${v}}}\n  template:\n    metadata: {labels: {app: reviews, version: ${v}}}\n    spec: {containers: [{name: reviews, image: "reviews:${v}"}]}\n---\n`).join('');
const service = 'apiVersion: v1\nkind: Service\nmetadata: {name: reviews}\nspec:\n  selector: {app: reviews}\n  ports: [{port: 9080}]\n---\n';
const rule = (subsets: string) => `apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: reviews}\nspec:\n  host: reviews\n  subsets:\n${subsets}---\n`;
const vs = (subset: string) => `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: reviews}\nspec:\n  hosts: [reviews]\n  http:\n  - route:\n    - destination: {host: reviews, subset: ${subset}}\n`;

ruleTester('dangling-destination-subset', {
  valid: [
    { name: 'subsets match versions and routes name them', yaml: pods(['v1', 'v2']) + service + rule('  - {name: v1, labels: {version: v1}}\n  - {name: v2, labels: {version: v2}}\n') + vs('v2') },
    { name: 'a Service without Pods in the input is not judged', yaml: service + rule('  - {name: v1, labels: {version: v1}}\n') },
    { name: 'a subset of a host without any DestinationRule in the input', yaml: vs('v1') },
  ],
  invalid: [
    {
      name: 'subset labels no Pod behind the Service has',
      yaml: pods(['v1']) + service + rule('  - name: v1\n    labels: {version: "1"}\n'),
      findings: [{ line: 24, column: 5, message: 'DestinationRule "reviews" subset "v1" has labels version=1, which none of the Pods behind Service "reviews" have' }],
    },
    {
      name: 'a Pod with the subset labels that the Service does not select',
      yaml: pods(['v1']) + service + rule('  - {name: v2, labels: {version: v2}}\n') + 'apiVersion: v1\nkind: Pod\nmetadata: {name: other, labels: {app: ratings, version: v2}}\nspec: {containers: [{name: c, image: "ratings:1"}]}\n',
      findings: [{ line: 23 }],
    },
    {
      name: 'a route to a subset no DestinationRule defines',
      yaml: pods(['v1']) + service + rule('  - {name: v1, labels: {version: v1}}\n') + vs('v3'),
      findings: [{ line: 32, message: 'routes to subset "v3" of "reviews", which no DestinationRule for that host defines (its subsets: v1)' }],
    },
  ],
});
