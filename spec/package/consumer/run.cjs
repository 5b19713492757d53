// The same scenario for both module systems: start the packaged simulator, list products, order one
// intention, follow it to its PDF, and print one JSON line the spec checks.
exports.run = async (lib) => {
  const sim = await lib.startSimulator({ clock: lib.scaledClock(200) });
  try {
    const pv = lib.createPlanviewer({
      credentials: { key: 'demo', secret: 'demo-secret' },
      baseUrl: sim.url,
      polling: { initialDelayMs: 20, minDelayMs: 10, maxDelayMs: 100 },
    });
    const products = await pv.products()();
    if (products._tag !== 'Right') throw new Error(lib.describeError(products.left));
    const [intention] = sim.catalogue.intentionsAt(lib.sampleAddress.uuid, ['test-example-product']);
    const files = await lib.lastValueFrom(pv.order$([intention.uuid]).pipe(lib.results(), lib.toArray()));
    const head = Buffer.from(await files[0].blob.slice(0, 5).arrayBuffer()).toString('latin1');
    process.stdout.write(
      JSON.stringify({
        products: products.right.length,
        files: files.length,
        head,
        isBlob: files[0].blob instanceof globalThis.Blob,
        size: files[0].size,
        orders: sim.requests.count('jobs/order'),
        // Proof that the package came from node_modules, not from the repository's own dist/.
        resolved: require.resolve('planviewer-rx'),
      }) + '\n',
    );
  } finally {
    await sim.close();
  }
};
