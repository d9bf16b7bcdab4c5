#!/usr/bin/env node
/**
 * `npm start`: builds the pane and serves dist/ at https://localhost:3000/ with the Office
 * developer certificates, then prints how to sideload manifest.xml into Excel (Japanese and
 * English). Works without Excel: the same address opens the standalone page in a browser.
 *
 *   node scripts/start.mjs [--no-build] [--port 3000] [--dir dist]
 *
 * The certificates are read from ~/.office-addin-dev-certs/{localhost.crt,localhost.key,ca.crt};
 * when they are missing they are created with office-addin-dev-certs. Installing their authority
 * is left to the user (it needs administrator rights, and is impossible on some machines): the
 * server starts either way and says how to trust it.
 */
import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:https';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function fail(ja, en) {
  console.error(`\nエラー: ${ja}\nError: ${en}\n`);
  process.exit(1);
}

function parseArgs(argv) {
  const opts = { build: true, port: Number(process.env.PORT ?? 3000), dir: join(root, 'dist') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--no-build') opts.build = false;
    else if (a === '--port') opts.port = Number(argv[++i]);
    else if (a === '--dir') opts.dir = resolve(argv[++i] ?? '');
    else if (a === '--help' || a === '-h') {
      console.log('node scripts/start.mjs [--no-build] [--port 3000] [--dir dist]');
      process.exit(0);
    } else fail(`知らないオプション ${a} です。--no-build、--port、--dir が使えます。`, `unknown option ${a}; use --no-build, --port or --dir.`);
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) fail('--port には 0〜65535 の数を指定してください。', '--port takes a number from 0 to 65535.');
  return opts;
}

function build() {
  console.log('ビルドしています… / Building…');
  const r = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'development'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) fail('ビルドに失敗しました(上のメッセージを参照)。', 'the build failed (see the messages above).');
}

const CERT_DIR = join(homedir(), '.office-addin-dev-certs');
const CERTS = { cert: join(CERT_DIR, 'localhost.crt'), key: join(CERT_DIR, 'localhost.key'), ca: join(CERT_DIR, 'ca.crt') };

async function certificates() {
  const present = Object.values(CERTS).filter((p) => existsSync(p));
  if (present.length === 0) {
    console.log(`開発用の証明書を ${CERT_DIR} に作成します… / Creating development certificates in ${CERT_DIR}…`);
    const { generateCertificates } = require('office-addin-dev-certs/lib/generate.js');
    await generateCertificates(CERTS.ca, CERTS.cert, CERTS.key);
  } else if (present.length < 3) {
    fail(
      `${CERT_DIR} に証明書の一部しかありません。このフォルダーを削除してもう一度 npm start を実行すると作り直します。`,
      `${CERT_DIR} holds only some of the certificates; delete that folder and run npm start again to recreate them.`,
    );
  }
  const files = { cert: readFileSync(CERTS.cert), key: readFileSync(CERTS.key), ca: readFileSync(CERTS.ca) };
  const validTo = new Date(new X509Certificate(files.cert).validTo);
  if (validTo.getTime() < Date.now()) {
    fail(
      `開発用の証明書の期限が ${validTo.toLocaleDateString('ja-JP')} に切れています。${CERT_DIR} を削除して npm start をもう一度実行してください(認証局を信頼済みの場合は、新しい ca.crt をもう一度信頼させてください)。`,
      `the development certificate expired on ${validTo.toDateString()}; delete ${CERT_DIR} and run npm start again (then trust the new ca.crt again if you had trusted the old one).`,
    );
  }
  return files;
}

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'text/xml; charset=utf-8',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function handler(dir) {
  const base = resolve(dir);
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let path;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'https://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = normalize(join(base, path === '/' ? 'taskpane.html' : path));
    if (!file.startsWith(base + sep) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`見つかりません / Not found: ${path}\n`);
      return;
    }
    res.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
  };
}

function listen(server, port, host) {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolveListen(server.address().port);
    });
  });
}

function instructions(origin, dir) {
  const manifest = join(dir, 'manifest.xml');
  return `
Hyoka を ${origin}/ で配信しています(Ctrl+C で停止)。
  作業ウィンドウ / スタンドアロン ページ: ${origin}/taskpane.html
  マニフェスト: ${manifest}

■ Excel に読み込む(サイドロード)
  Excel on the web: [ホーム] → [アドイン] → [その他のアドイン] → [個人用アドイン] → [マイ アドインのアップロード] で
    上のマニフェストを選びます。
  Excel デスクトップ(Windows): マニフェストのあるフォルダーを共有し、[ファイル] → [オプション] → [トラスト センター] →
    [トラスト センターの設定] → [信頼できるアドイン カタログ] にその UNC パス(例 \\\\PC名\\hyoka)を追加して
    [メニューに表示する] をオン → Excel を再起動 → [挿入] → [アドインを取得] → [共有フォルダー] → Hyoka。
  Excel デスクトップ(Mac): マニフェストを ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef に
    コピーして Excel を再起動 → [挿入] → [アドイン] → [個人用アドイン] → Hyoka。
  証明書: Excel がページを開けないときは、認証局 ${CERTS.ca} を信頼させてください
    (Windows: certutil -user -addstore Root "${CERTS.ca}" / Mac: キーチェーンアクセスに追加して「常に信頼」)。
  Excel がなくても、ブラウザーで ${origin}/taskpane.html を開くと .xlsx ファイルをチェックできます。

Hyoka is served at ${origin}/ (Ctrl+C stops it).
  Task pane / standalone page: ${origin}/taskpane.html
  Manifest: ${manifest}

■ Sideload into Excel
  Excel on the web: Home → Add-ins → More Add-ins → My Add-ins → Upload My Add-in, and choose the manifest above.
  Excel desktop (Windows): share the manifest's folder; File → Options → Trust Center → Trust Center Settings →
    Trusted Add-in Catalogs: add its UNC path (e.g. \\\\PCNAME\\hyoka), tick "Show in Menu", restart Excel,
    then Insert → Get Add-ins → Shared Folder → Hyoka.
  Excel desktop (Mac): copy the manifest to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef,
    restart Excel, then Insert → Add-ins → My Add-ins → Hyoka.
  Certificate: if Excel cannot open the page, trust the authority ${CERTS.ca}
    (Windows: certutil -user -addstore Root "${CERTS.ca}"; Mac: add it in Keychain Access and set "Always Trust").
  Without Excel, open ${origin}/taskpane.html in a browser to check .xlsx files.
`;
}

/** The engine at work before the pane: the command line checks the bundled sample workbook. */
function checkSample() {
  const sample = join(root, 'assets', 'sample-keihin-2019.xlsx');
  const cli = join(root, 'bin', 'hyoka.js');
  if (!existsSync(sample) || !existsSync(cli)) return;
  console.log('同梱のサンプルをチェックします / Checking the bundled sample: hyoka check assets/sample-keihin-2019.xlsx');
  const r = spawnSync(process.execPath, [cli, 'check', sample], { cwd: root, stdio: 'inherit' });
  // 0: no error finding, 1: error findings (the sample has one); 2: it could not run.
  if (r.status !== 0 && r.status !== 1) console.warn('(コマンドラインのチェックは実行できませんでした / the command-line check could not run; the add-in is served anyway)');
}

const opts = parseArgs(process.argv.slice(2));
if (opts.build) {
  build();
  checkSample();
}
if (!existsSync(join(opts.dir, 'taskpane.html'))) {
  fail(`${opts.dir} にビルド結果がありません。npm run build を実行するか、--no-build を外してください。`, `${opts.dir} holds no build; run npm run build, or leave out --no-build.`);
}
const tls = await certificates();
const servers = [];
let port = opts.port;
try {
  const main = createServer(tls, handler(opts.dir));
  port = await listen(main, port, '127.0.0.1');
  servers.push(main);
} catch (e) {
  if (e.code === 'EADDRINUSE') {
    fail(`ポート ${port} は使用中です。ほかのサーバーを止めるか、--port で別のポートを指定してください(マニフェストの URL も合わせて変える必要があります)。`, `port ${port} is in use; stop the other server or choose another with --port (the manifest's URLs must then match).`);
  }
  throw e;
}
// Excel may resolve localhost to ::1; serve there too when the machine has IPv6 loopback.
try {
  const v6 = createServer(tls, handler(opts.dir));
  await listen(v6, port, '::1');
  servers.push(v6);
} catch {
  // No IPv6 loopback: 127.0.0.1 alone is enough.
}
console.log(instructions(`https://localhost:${port}`, opts.dir));
const stop = () => {
  for (const s of servers) s.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
