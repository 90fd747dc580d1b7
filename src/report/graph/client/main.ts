/**
 * The HTML diagram's browser script (bundled into the page by scripts/bundle-client.js). It reads
 * the page's JSON data and writes text with `textContent`, never HTML.
 */
import type { PageData } from '../page-data.js';
import { byId } from './dom.js';
import { setUpFilters } from './filters.js';
import { setUpPanZoom } from './pan-zoom.js';
import { setUpPanel } from './panel.js';

const data = JSON.parse(byId('kk-data').textContent ?? '{}') as PageData;
const svg = document.querySelector<SVGSVGElement>('#kk-canvas svg');
const panel = setUpPanel(data);
const known = new Set(data.nodes.map((n) => n.key));
setUpFilters(data, (n) => panel.select(n.key));
if (svg) setUpPanZoom(svg, (key) => { if (known.has(key)) panel.select(key); });
