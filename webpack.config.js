/**
 * Builds the task pane (and the same page used standalone) into dist/:
 *   taskpane.html + its bundle, commands.html (the manifest's function file), help.html,
 *   guard.js, assets/ (icons, the sample workbook) and manifest.xml.
 *
 *   npx webpack --mode production                     URLs at https://localhost:3000/
 *   npx webpack --mode production --env url=https://intra.example/hyoka/
 *                                                     (or HYOKA_URL=…) for another server
 *   … --env officejs=local                            office.js served from dist/ (closed networks)
 *   … --env version=1.2.3.4                           the manifest Version (default: new per build)
 */
import CopyWebpackPlugin from 'copy-webpack-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** Where manifest.xml points by default: the server of `npm start`. */
const DEV_URL = 'https://localhost:3000/';

/** office.js, from Microsoft's CDN (Office requires this for store add-ins). The one place it is set. */
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/**
 * `--env officejs=local` (or HYOKA_OFFICEJS=local): for closed networks that cannot reach the CDN,
 * serve the copy of office.js from the @microsoft/office-js package, next to the pages.
 */
function officeJsOf(env) {
  const choice = env.officejs || process.env.HYOKA_OFFICEJS || 'cdn';
  if (choice !== 'cdn' && choice !== 'local') throw new Error(`--env officejs=${choice}: cdn (default) or local`);
  return choice === 'local' ? { url: 'office-js/office.js', local: true } : { url: OFFICE_JS_CDN, local: false };
}

/**
 * The manifest's Version, new for every build so that Office and the admin center see an update:
 * major.minor of package.json, then days since 2025-01-01 and the minute of that day (UTC).
 * `--env version=1.2.3.4` sets it by hand.
 */
function manifestVersion(env) {
  if (env.version) {
    if (!/^\d{1,5}(\.\d{1,5}){1,3}$/.test(env.version)) throw new Error(`--env version=${env.version}: four numbers like 1.0.3.0`);
    return env.version;
  }
  const [major, minor] = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version.split('.');
  const now = new Date();
  const days = Math.floor((now.getTime() - Date.UTC(2025, 0, 1)) / 86_400_000);
  return `${major}.${minor}.${days}.${now.getUTCHours() * 60 + now.getUTCMinutes()}`;
}

/**
 * Origins Office itself uses beside the page: office.js and the host scripts it loads come from
 * its CDN; Excel on the web talks to the pane through postMessage, which CSP does not govern.
 */
const OFFICE_ORIGINS = ['https://appsforoffice.microsoft.com'];


function baseUrl(env) {
  const raw = env.url || process.env.HYOKA_URL || DEV_URL;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`--env url=${raw}: not an absolute URL. Give the https address dist/ is served from, e.g. https://intra.example/hyoka/`);
  }
  if (url.protocol !== 'https:') throw new Error(`--env url=${raw}: Office loads add-ins only over https.`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** The page's Content-Security-Policy: no inline script, no eval, no connection but to itself and Office. */
function contentSecurityPolicy(officeJsUrl) {
  const office = [...new Set([...OFFICE_ORIGINS, new URL(officeJsUrl, DEV_URL).origin])].filter((o) => o !== new URL(DEV_URL).origin);
  return [
    "default-src 'self'",
    `script-src 'self' ${office.join(' ')}`,
    // Fluent UI (Griffel) inserts its style rules at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${office.join(' ')}`,
    "frame-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

export default (env = {}, argv = {}) => {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  const base = baseUrl(env);
  const officeJs = officeJsOf(env);
  const version = manifestVersion(env);
  const templateParameters = { officeJsUrl: officeJs.url, csp: contentSecurityPolicy(officeJs.url) };
  return {
    mode,
    target: ['web', 'es2020'],
    context: root,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/taskpane/commands.ts',
    },
    output: {
      path: path.join(root, 'dist'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      publicPath: '',
      clean: true,
    },
    // Never an eval-based source map: the page's CSP forbids eval.
    devtool: 'source-map',
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
      // The sources import './x.js' (ESM style) for files that are x.ts.
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
      alias: {
        // exceljs's own browser build: no Node built-ins to polyfill.
        exceljs$: require.resolve('exceljs/dist/exceljs.min.js'),
      },
    },
    module: {
      noParse: /exceljs\.min\.js$/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'ts-loader',
          options: {
            // Types are checked by `tsc --noEmit`; the build only strips them (isolatedModules).
            transpileOnly: true,
            compilerOptions: { noEmit: false, target: 'ES2020', module: 'ESNext', sourceMap: true },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        templateParameters,
        scriptLoading: 'defer',
        inject: 'head',
        minify: false,
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/taskpane/commands.html',
        chunks: ['commands'],
        templateParameters,
        scriptLoading: 'defer',
        inject: 'head',
        minify: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets', globOptions: { ignore: ['**/.*'] } },
          { from: 'src/taskpane/guard.js', to: 'guard.js' },
          { from: 'src/taskpane/help.html', to: 'help.html' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) =>
              content
                .toString('utf8')
                .split(DEV_URL)
                .join(base)
                .replace(/<Version>[^<]*<\/Version>/, `<Version>${version}</Version>`),
          },
          ...(officeJs.local
            ? [{ from: path.dirname(require.resolve('@microsoft/office-js/dist/office.js')), to: 'office-js', globOptions: { ignore: ['**/*.debug.js'] } }]
            : []),
        ],
      }),
    ],
    // The built pages stay readable (deployers check their CSP and script tags); scripts are minified.
    optimization: { minimizeOptions: { html: false } },
    performance: { hints: false },
    stats: 'errors-warnings',
  };
};
