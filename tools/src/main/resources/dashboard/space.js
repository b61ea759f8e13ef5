'use strict';
/*
 * The space view: draws the control server's binary frames (docs/server.md, "Frames") on a 2D canvas, a pixel a
 * point or a cell, at every animation frame. window.myriadStats counts what was drawn, for people and for tests.
 */
const MyriadSpace = (() => {
  const HEADER = 88;
  const POINTS = 1;
  const GRID = 2;
  const NETWORK = 3;
  const LAYOUT_ROUNDS = 300;
  const HAS_VALUES = 1;
  const BACKGROUND = 0xff20100b; // ABGR: #0b1020
  const PLAIN = 0xfffac060;      // ABGR: #60c0fa
  const STOPS = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];

  const palette = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    const t = i / 255 * (STOPS.length - 1);
    const k = Math.min(STOPS.length - 2, Math.floor(t));
    const f = t - k;
    const c = [0, 1, 2].map((j) => Math.round(STOPS[k][j] + f * (STOPS[k + 1][j] - STOPS[k][j])));
    palette[i] = (255 << 24 | c[2] << 16 | c[1] << 8 | c[0]) >>> 0;
  }

  function parse(buffer) {
    const v = new DataView(buffer);
    return {
      kind: v.getInt32(0, true), view: v.getInt32(4, true), step: Number(v.getBigInt64(8, true)),
      simTime: v.getFloat64(16, true), count: v.getInt32(24, true), total: v.getInt32(28, true),
      min: v.getFloat64(64, true), max: v.getFloat64(72, true), flags: v.getInt32(80, true),
      stride: v.getInt32(84, true), buffer: buffer
    };
  }

  class Renderer {
    constructor(canvas) {
      this.canvas = canvas;
      this.context = canvas.getContext('2d', { alpha: false });
      this.image = this.context.createImageData(canvas.width, canvas.height);
      this.pixels = new Uint32Array(this.image.data.buffer);
      this.scratch = document.createElement('canvas');
      this.frame = null;
      this.stats = { draws: 0, fps: 0, frames: 0, framesPerSecond: 0, step: -1, points: 0, kind: 0 };
      window.myriadStats = this.stats;
      this.windowStart = performance.now();
      this.windowDraws = 0;
      this.windowRasters = 0;
      this.fresh = false;
      const loop = (now) => { this.draw(now); requestAnimationFrame(loop); };
      requestAnimationFrame(loop);
    }

    show(buffer) {
      this.frame = parse(buffer);
      this.fresh = true;
      this.stats.frames++;
      this.stats.step = this.frame.step;
      this.stats.kind = this.frame.kind;
    }

    clear() {
      this.frame = null;
    }

    /*
     * At every animation frame: a frame that arrived since the last is rasterized (its time kept in
     * stats.rasterMs), then the canvas is drawn from the raster. stats.fps counts the canvas's draws a second,
     * stats.framesPerSecond the frames rasterized a second.
     */
    draw(now) {
      if (this.frame !== null) {
        const kind = this.frame.kind;
        if (this.fresh && kind !== NETWORK) {
          const start = performance.now();
          if (kind === POINTS) {
            this.points(this.frame);
          } else if (kind === GRID) {
            this.grid(this.frame);
          }
          const took = performance.now() - start;
          this.stats.rasterMs = this.stats.rasterMs === undefined ? took : 0.8 * this.stats.rasterMs + 0.2 * took;
          this.windowRasters++;
        }
        this.fresh = false;
        if (kind === POINTS) {
          this.context.putImageData(this.image, 0, 0);
        } else if (kind === GRID) {
          this.context.imageSmoothingEnabled = false;
          this.context.drawImage(this.scratch, 0, 0, this.canvas.width, this.canvas.height);
        } else if (kind === NETWORK) {
          this.network(this.frame);
        }
        this.stats.draws++;
        this.windowDraws++;
      }
      if (now - this.windowStart >= 1000) {
        this.stats.fps = this.windowDraws * 1000 / (now - this.windowStart);
        this.stats.framesPerSecond = this.windowRasters * 1000 / (now - this.windowStart);
        this.windowStart = now;
        this.windowDraws = 0;
        this.windowRasters = 0;
      }
    }

    points(f) {
      const w = this.canvas.width;
      const h = this.canvas.height;
      const n = f.count;
      const xs = new Uint16Array(f.buffer, HEADER, n);
      const ys = new Uint16Array(f.buffer, HEADER + 2 * n, n);
      const values = (f.flags & HAS_VALUES) ? new Uint8Array(f.buffer, HEADER + 4 * n, n) : null;
      const px = this.pixels;
      px.fill(BACKGROUND);
      const sx = (w - 1) / 65535;
      const sy = (h - 1) / 65535;
      for (let i = 0; i < n; i++) {
        const p = (h - 1 - ((ys[i] * sy) | 0)) * w + ((xs[i] * sx) | 0);
        px[p] = values === null ? PLAIN : palette[values[i]];
      }
      this.stats.points = n;
    }

    grid(f) {
      const cols = f.count;
      const rows = f.total;
      if (this.scratch.width !== cols || this.scratch.height !== rows) {
        this.scratch.width = cols;
        this.scratch.height = rows;
        this.cells = this.scratch.getContext('2d').createImageData(cols, rows);
        this.cellPixels = new Uint32Array(this.cells.data.buffer);
      }
      const bytes = new Uint8Array(f.buffer, HEADER, cols * rows);
      const px = this.cellPixels;
      // row 0 at the bottom, as the points' y grows upwards
      for (let r = 0; r < rows; r++) {
        const from = r * cols;
        const to = (rows - 1 - r) * cols;
        for (let c = 0; c < cols; c++) {
          px[to + c] = palette[bytes[from + c]];
        }
      }
      this.scratch.getContext('2d').putImageData(this.cells, 0, 0);
      this.stats.points = cols * rows;
    }
  }

  /*
   * A force-directed layout of a small network, one round an animation frame, so that it settles on screen:
   * nodes start on a circle in their order (a ring lattice is drawn right away), links pull, and nodes push the
   * others in their neighbourhood of a grid, so that a round costs about a pass over nodes and links.
   */
  class Layout {
    constructor(nodes) {
      this.n = nodes;
      this.x = new Float32Array(nodes);
      this.y = new Float32Array(nodes);
      this.dx = new Float32Array(nodes);
      this.dy = new Float32Array(nodes);
      for (let i = 0; i < nodes; i++) {
        const a = 2 * Math.PI * i / nodes;
        this.x[i] = 0.5 + 0.4 * Math.cos(a) + (Math.random() - 0.5) * 0.01;
        this.y[i] = 0.5 + 0.4 * Math.sin(a) + (Math.random() - 0.5) * 0.01;
      }
      this.k = Math.sqrt(1 / Math.max(1, nodes));
      this.rounds = 0;
    }

    round(links) {
      if (this.rounds >= LAYOUT_ROUNDS) {
        return;
      }
      const n = this.n;
      const k = this.k;
      const temperature = 0.05 * (1 - this.rounds / LAYOUT_ROUNDS);
      const { x, y, dx, dy } = this;
      dx.fill(0);
      dy.fill(0);
      const size = 2 * k;
      const cells = Math.max(1, Math.ceil(1 / size));
      const buckets = new Map();
      for (let i = 0; i < n; i++) {
        const key = Math.min(cells - 1, Math.max(0, Math.floor(x[i] / size))) * 65536 +
          Math.min(cells - 1, Math.max(0, Math.floor(y[i] / size)));
        let bucket = buckets.get(key);
        if (bucket === undefined) {
          bucket = [];
          buckets.set(key, bucket);
        }
        bucket.push(i);
      }
      for (const [key, bucket] of buckets) {
        const cx = Math.floor(key / 65536);
        const cy = key % 65536;
        for (let ox = -1; ox <= 1; ox++) {
          for (let oy = -1; oy <= 1; oy++) {
            const other = buckets.get((cx + ox) * 65536 + cy + oy);
            if (other === undefined) {
              continue;
            }
            for (const i of bucket) {
              for (const j of other) {
                if (i === j) {
                  continue;
                }
                const ddx = x[i] - x[j];
                const ddy = y[i] - y[j];
                const d2 = Math.max(ddx * ddx + ddy * ddy, 1e-9);
                const f = k * k / d2;
                dx[i] += ddx * f;
                dy[i] += ddy * f;
              }
            }
          }
        }
      }
      for (let l = 0; l < links.length; l += 2) {
        const i = links[l];
        const j = links[l + 1];
        const ddx = x[i] - x[j];
        const ddy = y[i] - y[j];
        const d = Math.sqrt(ddx * ddx + ddy * ddy) + 1e-9;
        const f = d / k;
        dx[i] -= ddx * f;
        dy[i] -= ddy * f;
        dx[j] += ddx * f;
        dy[j] += ddy * f;
      }
      for (let i = 0; i < n; i++) {
        const d = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) + 1e-9;
        const step = Math.min(d, temperature);
        x[i] = Math.min(0.98, Math.max(0.02, x[i] + dx[i] / d * step));
        y[i] = Math.min(0.98, Math.max(0.02, y[i] + dy[i] / d * step));
      }
      this.rounds++;
    }
  }

  Renderer.prototype.network = function (f) {
    const nodes = f.count;
    const links = new Int32Array(f.buffer.slice(HEADER + nodes, HEADER + nodes + 8 * f.total));
    const values = new Uint8Array(f.buffer, HEADER, nodes);
    if (!this.layout || this.layout.n !== nodes) {
      this.layout = new Layout(nodes);
    }
    this.layout.round(links);
    const c = this.context;
    const w = this.canvas.width;
    const h = this.canvas.height;
    c.fillStyle = '#0b1020';
    c.fillRect(0, 0, w, h);
    c.strokeStyle = 'rgba(150, 170, 210, 0.35)';
    c.lineWidth = 1;
    c.beginPath();
    const { x, y } = this.layout;
    for (let l = 0; l < links.length; l += 2) {
      c.moveTo(x[links[l]] * w, y[links[l]] * h);
      c.lineTo(x[links[l + 1]] * w, y[links[l + 1]] * h);
    }
    c.stroke();
    const size = nodes > 2000 ? 2 : 4;
    for (let i = 0; i < nodes; i++) {
      const colour = palette[(f.flags & HAS_VALUES) ? values[i] : 200];
      c.fillStyle = 'rgb(' + (colour & 255) + ',' + (colour >> 8 & 255) + ',' + (colour >> 16 & 255) + ')';
      c.fillRect(x[i] * w - size / 2, y[i] * h - size / 2, size, size);
    }
    this.stats.points = nodes;
  };

  return { Renderer: Renderer, parse: parse };
})();
