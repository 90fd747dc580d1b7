import { defineRule, loadProblemRule } from '../src/rule-api.js';

export default defineRule({
  id: 'file-too-large',
  family: 'parse',
  severity: 'error',
  presets: ['recommended'],
  description: 'A file larger than --max-file-size (default 50 MB) was not read',
  docs: {
    why: 'A manifest file that large is usually generated output or not a manifest at all; reading it whole could exhaust memory in CI, so kubeknit checks its size first and skips it.',
    fix: 'Split the file, exclude it with --ignore-pattern or the config\'s ignore list, or raise --max-file-size if it really is one manifest.',
  },
  ...loadProblemRule('too-large'),
});
