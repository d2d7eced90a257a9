// print the SQL constants from the compiled module source
const src = require('fs').readFileSync('dist/backend/src/modules/intake/import/import.repository.js', 'utf8');
const tracking_code_1 = require('./dist/backend/src/modules/intake/tracking-code.js');
const CODE_BITS = 2 ** 30;
const grab = (name) => { const m = src.match(new RegExp('const ' + name + ' = `([\\s\\S]*?)`;')); return eval('`' + m[1] + '`'); };
console.log(grab(process.argv[2]));
