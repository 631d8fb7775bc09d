// Writes a large, valid zones feed (deterministic) for the memory tests and benchmark: compound
// polygons over the Zhengzhou area with Chinese names, the form a district GIS office exports.
// usage: node big_feed.mjs OUT.geojson MEGABYTES
import { openSync, writeSync, closeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/// Writes zones until the file reaches `targetBytes`; returns { features, bytes }.
export function writeBigFeed(path, targetBytes) {
  let seed = 20221126;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const risks = ['high', 'medium', 'low', 'low'];
  const fd = openSync(path, 'w');
  let bytes = 0;
  const put = (text) => {
    const buffer = Buffer.from(text, 'utf8');
    writeSync(fd, buffer);
    bytes += buffer.length;
  };
  put('{"type":"FeatureCollection","cordon":{"feed":"zones","version":1},"features":[');
  let features = 0;
  let chunk = [];
  const tail = ']}';
  while (bytes < targetBytes - tail.length) {
    const lon = 113.45 + random() * 0.45;
    const lat = 34.6 + random() * 0.3;
    const w = 0.002 + random() * 0.004;
    const h = 0.002 + random() * 0.003;
    const ring = [[lon, lat], [lon + w, lat], [lon + w, lat + h], [lon, lat + h], [lon - w / 3, lat + h / 2], [lon, lat]]
      .map(([x, y]) => `[${x.toFixed(7)},${y.toFixed(7)}]`).join(',');
    const id = `Z-${String(features).padStart(7, '0')}`;
    chunk.push(`${features ? ',' : ''}{"type":"Feature","id":"${id}","properties":{"risk":"${risks[features % 4]}",` +
      `"name":"第${features}号小区封控区","since":"2022-11-20T00:00:00+08:00"},` +
      `"geometry":{"type":"Polygon","coordinates":[[${ring}]]}}`);
    ++features;
    if (chunk.length === 2000) {
      put(chunk.join(''));
      chunk = [];
    }
  }
  put(chunk.join('') + tail);
  closeSync(fd);
  return { features, bytes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [out, megabytes] = process.argv.slice(2);
  console.log(JSON.stringify(writeBigFeed(out, Number(megabytes) * 1e6)));
}
