// swc compiles `import()` to `require()`, which cannot load these ESM-only packages; eval keeps a real dynamic import.
const esm = (name: string): Promise<any> => eval(`import(${JSON.stringify(name)})`);

export interface DecodedFeature {
  properties: Record<string, number | string | boolean>;
  /** The first point of the geometry, in tile units (0–4096). */
  x: number;
  y: number;
}
export type DecodedTile = Record<string, DecodedFeature[]>;

/** A Mapbox vector tile as its layers' features (@mapbox/vector-tile, the decoder MapLibre uses). */
export async function decodeVectorTile(body: Buffer): Promise<DecodedTile> {
  const { VectorTile } = await esm('@mapbox/vector-tile');
  const { PbfReader } = await esm('pbf');
  const tile = new VectorTile(new PbfReader(body));
  const out: DecodedTile = {};
  for (const [name, layer] of Object.entries<any>(tile.layers)) {
    out[name] = [];
    for (let i = 0; i < layer.length; i++) {
      const f = layer.feature(i);
      const [[p]] = f.loadGeometry();
      out[name].push({ properties: f.properties, x: p.x, y: p.y });
    }
  }
  return out;
}
