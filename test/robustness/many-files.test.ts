import { manyFilesTest } from '../helpers/many-files.js';

/**
 * Many small files in one run: more than the usual limit of 1,024 open descriptors, so a leak shows.
 * `npm run test:full` runs 10,000 files and `npm run stress` 100,000.
 */
manyFilesTest(Number(process.env.KUBEKNIT_MANY_FILES ?? 2_000));
