const { readSource } = require('./dist/backend/src/modules/intake/import/import-reader.js');
const { readRecord } = require('./dist/backend/src/modules/intake/import/import-row.js');
const { copyLine } = require('./dist/backend/src/modules/intake/import/import.repository.js');
(async () => {
  const mode = process.argv[2];
  let t = performance.now(), n = 0, len = 0;
  const now = new Date();
  for await (const item of readSource('/tmp/imp200k.csv', 'csv')) {
    n++;
    if (mode === 'parse') continue;
    const r = readRecord(item.record, item.row, now);
    if (mode === 'check') continue;
    len += copyLine(r.row).length;
  }
  console.log(mode, n, len, ((performance.now() - t) / 1000).toFixed(2), 's');
})();
