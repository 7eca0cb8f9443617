// Builds the dashboard's plotly.js bundle (entry.js) into dashboard/static/vendor/, with the licence
// of every package inside it and a record of what was built (BUNDLE.json): `make plotly-bundle`.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');

const here = __dirname;
const version = require('plotly.js/package.json').version;
const outDir = path.join(here, '..', '..', 'dashboard', 'static', 'vendor');
const name = `plotly-dashboard-${version}.min.js`;

async function main() {
    fs.mkdirSync(outDir, { recursive: true });
    const result = await esbuild.build({
        entryPoints: [path.join(here, 'entry.js')],
        outfile: path.join(outDir, name),
        // As plotly.js builds its own dist files (its esbuild-config.js), without the plugins
        // only its WebGL and map traces need; a map trace's CSS is left out (none is drawn).
        format: 'iife',
        globalName: 'Plotly',
        bundle: true,
        minify: true,
        sourcemap: false,
        legalComments: 'none',
        loader: { '.css': 'empty' },
        alias: { stream: 'stream-browserify' },
        define: { global: 'window', 'define.amd': 'false', 'process.env.NODE_DEBUG': 'false' },
        target: 'es2016',
        metafile: true,
        logLevel: 'warning',
    });
    const out = result.metafile.outputs[path.relative(process.cwd(), path.join(outDir, name))] || Object.values(result.metafile.outputs)[0];
    const used = new Map();
    for (const [input, info] of Object.entries(out.inputs)) {
        if (!info.bytesInOutput || input.endsWith('.css')) continue; // a map trace's CSS: loaded as nothing
        const parts = input.split('node_modules/');
        if (parts.length < 2) continue;
        const last = parts[parts.length - 1].split('/');
        const pkg = last[0].startsWith('@') ? `${last[0]}/${last[1]}` : last[0];
        const dir = input.slice(0, input.lastIndexOf('node_modules/') + 'node_modules/'.length) + pkg;
        used.set(dir, pkg);
    }
    const packages = [...used.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([dir, pkg]) => {
        const meta = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
        const file = fs.readdirSync(dir).find((f) => /^(licen[cs]e|copying)/i.test(f));
        return { name: pkg, version: meta.version, license: meta.license, path: path.relative(here, dir).split(path.sep).join('/'),
            text: file ? fs.readFileSync(path.join(dir, file), 'utf8').trim() : noLicenceFile(dir, meta) };
    });
    const unknown = packages.filter((p) => !p.license).map((p) => p.name);
    if (unknown.length) throw new Error(`no licence declared by: ${unknown.join(', ')}`);
    const licences = packages.map((p) => `${p.name} ${p.version} (${p.license})\n\n${p.text}\n`).join('\n' + '-'.repeat(72) + '\n\n');
    fs.writeFileSync(path.join(outDir, name.replace(/\.min\.js$/, '.LICENSES.txt')),
        `Third-party code in ${name} (plotly.js ${version} with the packages it bundles), each with its licence.\n\n${licences}`);
    const bytes = fs.readFileSync(path.join(outDir, name));
    const Plotly = loadForTraces(bytes.toString('utf8'));
    const record = {
        file: `dashboard/static/vendor/${name}`,
        bytes: bytes.length,
        sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
        plotly_js: version,
        esbuild: require('esbuild/package.json').version,
        node: process.version,
        traces: Plotly,
        packages: packages.map(({ name: n, version: v, license: l, path: p }) => ({ name: n, version: v, license: l, path: p })),
    };
    fs.writeFileSync(path.join(here, 'BUNDLE.json'), JSON.stringify(record, null, 2) + '\n');
    console.log(`${record.file}: ${record.bytes} bytes, sha256 ${record.sha256}; traces ${record.traces.join(', ')}`);
}

// A package without a licence file: what it declares (package.json) and its README's licence
// section, if it has one, quoted as they are.
function noLicenceFile(dir, meta) {
    const author = typeof meta.author === 'string' ? meta.author : meta.author && meta.author.name;
    const repo = typeof meta.repository === 'string' ? meta.repository : meta.repository && meta.repository.url;
    const readme = fs.readdirSync(dir).find((f) => /^readme/i.test(f));
    const section = readme && fs.readFileSync(path.join(dir, readme), 'utf8').match(/^#+\s*licen[cs]e\b[^\n]*\n([\s\S]*?)(?=\n#+\s|(?![\s\S]))/im);
    return [`No licence file is shipped in this npm package. Its package.json declares the licence ${meta.license}`
        + (author ? `, author ${author}` : '') + (repo ? `, repository ${repo}` : '') + '.',
        section ? `Its README's licence section:\n\n${section[1].trim()}` : ''].filter(Boolean).join('\n\n');
}

// The trace types registered, read from the entry's register() call (what the bundle draws).
function loadForTraces() {
    const src = fs.readFileSync(path.join(here, 'entry.js'), 'utf8');
    return ['scatter', ...[...src.matchAll(/require\('plotly\.js\/lib\/([a-z0-9]+)'\)/g)].map((m) => m[1]).filter((t) => t !== 'core')];
}

main().catch((err) => { console.error(err.message || err); process.exit(1); });
