import { describe } from 'vitest';
import { corpusDifferential } from '../helpers/fast-parse-differential.js';
import { hasShared, SHARED_SKIP_REASON, sharedPath } from '../helpers/shared.js';

/** The fast reader against yaml on every manifest of the corpora beside the checkout (`npm test` runs a vendored part). */
describe.skipIf(!hasShared)(`fast YAML reading agrees with the yaml document model on the shared corpora${hasShared ? '' : ` (${SHARED_SKIP_REASON})`}`, () => {
  corpusDifferential([sharedPath('corpora')], { everyJsonLayout: true });
});
