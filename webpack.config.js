/**
 * Builds the task pane (and the same page used standalone) into dist/:
 *   taskpane.html + its bundle, commands.html (the manifest's function file), help.html,
 *   guard.js, assets/ (icons, the sample workbook) and manifest.xml.
 *
 *   npx webpack --mode production                     URLs at https://localhost:3000/
 *   npx webpack --mode production --env url=https://intra.example/hyoka/
 *                                                     (or HYOKA_URL=…) for another server
 */
import CopyWebpackPlugin from 'copy-webpack-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** Where manifest.xml points by default: the server of `npm start`. */
const DEV_URL = 'https://localhost:3000/';

/** office.js, from Microsoft's CDN (Office requires this for store add-ins). The one place it is set. */
const officeJsUrl = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

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
function contentSecurityPolicy() {
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
  const templateParameters = { officeJsUrl, csp: contentSecurityPolicy() };
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
            transform: (content) => content.toString('utf8').split(DEV_URL).join(base),
          },
        ],
      }),
    ],
    // The built pages stay readable (deployers check their CSP and script tags); scripts are minified.
    optimization: { minimizeOptions: { html: false } },
    performance: { hints: false },
    stats: 'errors-warnings',
  };
};
