// JavaScript routing peers on exactly cordon's graph: ngraph.path (on ngraph.graph) and
// geojson-path-finder, reading the graph `route_bench --export` writes (same nodes, same arcs, the
// same float weights). Both libraries only answer point-to-point queries, so each is timed on one
// query from cordon's source node to the node cordon's tree reaches last (the farthest): a
// Dijkstra search has to settle every node nearer than its target first, so this query does at
// least the work of the full tree up to that node, and it is the closest either API gets to
// cordon's single-source tree. Their path costs to cordon's check targets must equal cordon's tree
// times (1e-6 relative) or this script fails.
//
// usage: node route_peers.mjs GRAPH.json [REPEATS]     prints one JSON line
import { readFileSync } from 'node:fs';
import createGraph from 'ngraph.graph';
import ngraphPath from 'ngraph.path';
import pathFinderModule from 'geojson-path-finder';

// The package is CommonJS with an ES default export: Node hands it over as `default.default`.
const PathFinder = pathFinderModule.default ?? pathFinderModule;

const graphFile = process.argv[2];
const repeats = Number(process.argv[3] || 5);
const data = JSON.parse(readFileSync(graphFile, 'utf8'));
const nodes = data.nodes; // [lonE7, latE7, ...]
const position = (n) => [nodes[2 * n] / 1e7, nodes[2 * n + 1] / 1e7];

function median(fn, count) {
  fn(); // warm-up, not timed, as in the cordon benchmarks
  const ms = [];
  let result;
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    result = fn();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  return { ms: ms[Math.floor(ms.length / 2)], result };
}

function check(peer, mode, node, got, want) {
  if (!(Math.abs(got - want) <= 1e-6 * Math.max(1, Math.abs(want)))) {
    console.error(`route_peers: ${peer} ${mode}: cost to node ${node} is ${got}, cordon's tree says ${want}`);
    process.exit(1);
  }
}

const out = { graph: graphFile, repeats };
for (const mode of ['walk', 'drive']) {
  const { source, arcs, checks } = data[mode];
  const far = checks[checks.length - 1][0];
  const arcCount = arcs.length / 3;

  // ngraph.graph + ngraph.path: one directed link per arc, Dijkstra (A* with its default zero
  // heuristic) over the links' weights.
  const buildNgraph = () => {
    const g = createGraph();
    for (let i = 0; i < arcs.length; i += 3) g.addLink(arcs[i], arcs[i + 1], arcs[i + 2]);
    return g;
  };
  const ng = median(buildNgraph, 1);
  const finder = ngraphPath.aStar(ng.result, { oriented: true, distance: (a, b, link) => link.data });
  const ngraphCost = (to) => {
    const path = finder.find(source, to); // target first, source last
    let cost = 0;
    for (let i = path.length - 1; i > 0; i--) cost += ng.result.getLink(path[i].id, path[i - 1].id).data;
    return path.length ? cost : Infinity;
  };
  const ngQuery = median(() => finder.find(source, far), repeats);
  for (const [node, seconds] of checks) check('ngraph.path', mode, node, ngraphCost(node), seconds);

  // geojson-path-finder: builds its own topology from LineStrings and compacts it. One two-point
  // LineString per node pair, with cordon's weight each way (a missing direction is impassable).
  const pairs = new Map();
  for (let i = 0; i < arcs.length; i += 3) {
    const [a, b, w] = [arcs[i], arcs[i + 1], arcs[i + 2]];
    const key = a < b ? a * 4294967296 + b : b * 4294967296 + a;
    let p = pairs.get(key);
    if (!p) pairs.set(key, (p = { a: Math.min(a, b), b: Math.max(a, b), forward: 0, backward: 0 }));
    if (a < b) p.forward = w;
    else p.backward = w;
  }
  const lines = {
    type: 'FeatureCollection',
    features: [...pairs.values()].map((p) => ({
      type: 'Feature',
      properties: { forward: p.forward, backward: p.backward },
      geometry: { type: 'LineString', coordinates: [position(p.a), position(p.b)] },
    })),
  };
  const options = { tolerance: 1e-7, weight: (a, b, props) => ({ forward: props.forward, backward: props.backward }) };
  const gp = median(() => new PathFinder(lines, options), 1);
  const point = (n) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: position(n) } });
  const gpQuery = median(() => gp.result.findPath(point(source), point(far)), repeats);
  for (const [node, seconds] of checks) {
    const found = gp.result.findPath(point(source), point(node));
    check('geojson-path-finder', mode, node, found ? found.weight : Infinity, seconds);
  }

  out[mode] = {
    nodes: nodes.length / 2,
    arcs: arcCount,
    source,
    target: far,
    checked: checks.length,
    ngraph: { buildMs: +ng.ms.toFixed(2), queryMs: +ngQuery.ms.toFixed(2) },
    geojsonPathFinder: { buildMs: +gp.ms.toFixed(2), queryMs: +gpQuery.ms.toFixed(2) },
  };
}
console.log(JSON.stringify(out));
