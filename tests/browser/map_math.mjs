// The map's arithmetic as the app's camera does it, for tests that find features on screen from the
// page state (centre, metresPerPixel, viewport).

/// [west, south, east, north] of GeoJSON coordinates (any nesting), grown from `box`.
export function growBounds(coordinates, box = [180, 90, -180, -90]) {
  if (typeof coordinates[0] === 'number') {
    box[0] = Math.min(box[0], coordinates[0]); box[2] = Math.max(box[2], coordinates[0]);
    box[1] = Math.min(box[1], coordinates[1]); box[3] = Math.max(box[3], coordinates[1]);
  } else coordinates.forEach((c) => growBounds(c, box));
  return box;
}

/// Web Mercator metres of a lon/lat.
export function project([lon, lat]) {
  const r = 6378137;
  return [r * lon * Math.PI / 180, r * Math.log(Math.tan(Math.PI / 4 + lat * Math.PI / 360))];
}

/// Where a lon/lat is on screen (device pixels) in the view the page state describes.
export function toScreen(state, lonLat) {
  const [x, y] = project(lonLat);
  return [(x - state.centre[0]) / state.metresPerPixel + state.viewport[0] / 2,
    -(y - state.centre[1]) / state.metresPerPixel + state.viewport[1] / 2];
}
