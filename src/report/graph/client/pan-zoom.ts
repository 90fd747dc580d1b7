/** Pan (drag) and zoom (wheel, buttons) by moving the SVG's viewBox; a click without a drag selects a node. */
import { byId } from './dom.js';

interface Box { x: number; y: number; w: number; h: number }
interface Point { x: number; y: number }

const CLICK_SLOP = 3;

export function setUpPanZoom(svg: SVGSVGElement, onNodeClick: (key: string) => void): void {
  const canvas = byId('kk-canvas');
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  const base = svg.viewBox.baseVal;
  const home: Box = { x: base.x, y: base.y, w: base.width, h: base.height };
  let view: Box = { ...home };
  const show = () => svg.setAttribute('viewBox', `${view.x} ${view.y} ${view.w} ${view.h}`);
  const centre = (): Point => ({ x: view.x + view.w / 2, y: view.y + view.h / 2 });
  const toSvg = (clientX: number, clientY: number): Point => {
    const m = svg.getScreenCTM();
    if (!m) return centre();
    const p = new DOMPoint(clientX, clientY).matrixTransform(m.inverse());
    return { x: p.x, y: p.y };
  };
  const zoom = (factor: number, at: Point) => {
    const w = view.w * factor;
    if (w < home.w / 50 || w > home.w * 20) return;
    view = { x: at.x - (at.x - view.x) * factor, y: at.y - (at.y - view.y) * factor, w, h: view.h * factor };
    show();
  };

  canvas.addEventListener('wheel', (ev) => {
    ev.preventDefault();
    zoom(ev.deltaY < 0 ? 0.85 : 1 / 0.85, toSvg(ev.clientX, ev.clientY));
  }, { passive: false });
  byId('kk-zoom-in').addEventListener('click', () => zoom(0.8, centre()));
  byId('kk-zoom-out').addEventListener('click', () => zoom(1.25, centre()));
  byId('kk-fit').addEventListener('click', () => { view = { ...home }; show(); });

  let drag: { x: number; y: number; moved: number; target: EventTarget | null } | null = null;
  canvas.addEventListener('pointerdown', (ev) => {
    if (ev.button === 0) drag = { x: ev.clientX, y: ev.clientY, moved: 0, target: ev.target };
  });
  canvas.addEventListener('pointermove', (ev) => {
    if (!drag) return;
    const scale = svg.getScreenCTM()?.a ?? 1;
    const dx = ev.clientX - drag.x;
    const dy = ev.clientY - drag.y;
    drag.moved += Math.abs(dx) + Math.abs(dy);
    if (drag.moved > CLICK_SLOP) canvas.classList.add('kk-dragging');
    view = { ...view, x: view.x - dx / scale, y: view.y - dy / scale };
    drag.x = ev.clientX;
    drag.y = ev.clientY;
    show();
  });
  const endDrag = () => {
    if (!drag) return;
    const { moved, target } = drag;
    drag = null;
    canvas.classList.remove('kk-dragging');
    if (moved > CLICK_SLOP || !(target instanceof Element)) return;
    const g = target.closest('g.node');
    if (g) onNodeClick(g.id);
  };
  canvas.addEventListener('pointerup', endDrag);
  canvas.addEventListener('pointerleave', () => { drag = null; canvas.classList.remove('kk-dragging'); });
}
