import { manyFilesTest } from '../helpers/many-files.js';

/** 10,000 small files in one run (`npm test` runs 2,000; `npm run stress` 100,000). */
manyFilesTest(10_000);
