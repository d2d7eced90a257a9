// swc compiles `import()` to `require()`, which cannot load these ESM-only packages; eval keeps a real dynamic import.
const esm = (name: string): Promise<any> => eval(`import(${JSON.stringify(name)})`);

export interface DecodedLayer {
  name: string;
  features: { type: number; properties: Record<string, unknown> }[];
}

/** Every layer of a Mapbox vector tile with its features' geometry type and properties. */
export async function decodeTile(body: Buffer): Promise<DecodedLayer[]> {
  const { VectorTile } = await esm('@mapbox/vector-tile');
  const { PbfReader } = await esm('pbf');
  const tile = new VectorTile(new PbfReader(body));
  return Object.entries<any>(tile.layers).map(([name, layer]) => {
    const features = [];
    for (let i = 0; i < layer.length; i++) {
      const feature = layer.feature(i);
      features.push({ type: feature.type as number, properties: feature.properties as Record<string, unknown> });
    }
    return { name, features };
  });
}
