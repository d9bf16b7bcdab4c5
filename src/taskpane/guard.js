/*
 * Runs first, in any webview Excel may use (Internet Explorer 11 and the old Edge included), so it
 * is written in ES5. When the browser cannot run the pane, or the pane's bundle fails to load,
 * it shows which Excel versions work and how to open the standalone page, in Japanese and English,
 * instead of leaving a blank pane.
 */
(function () {
  'use strict';
  var shown = false;

  function supported() {
    try {
      if (document.documentMode) return false; // Internet Explorer
      if (/\bEdge\/\d+/.test(navigator.userAgent)) return false; // EdgeHTML (the old Edge)
      if (typeof Promise === 'undefined' || typeof Map === 'undefined' || typeof Symbol === 'undefined') return false;
      if (typeof Proxy === 'undefined' || typeof fetch === 'undefined') return false;
      if (!Array.prototype.includes || !Object.entries) return false;
      return true;
    } catch (e) {
      return false;
    }
  }

  function text(tag, content, className) {
    var el = document.createElement(tag);
    el.appendChild(document.createTextNode(content));
    if (className) el.className = className;
    return el;
  }

  function show(reason) {
    if (shown) return;
    shown = true;
    var box = document.createElement('div');
    box.id = 'hyoka-unsupported';
    box.setAttribute('role', 'alert');
    box.setAttribute('data-reason', reason);
    box.style.cssText = 'font-family:"Yu Gothic UI","Meiryo UI",Meiryo,"Segoe UI",sans-serif;font-size:14px;line-height:1.6;padding:16px;color:#242424;background:#fff;';
    box.appendChild(text('h1', 'Hyoka を表示できません', ''));
    box.appendChild(
      text(
        'p',
        'この Excel は古い表示エンジン(Internet Explorer 11 または旧 Edge)でアドインを動かしているか、アドインのファイルを読み込めませんでした。' +
          'Microsoft 365 の Excel、Excel 2021 以降、Excel on the web、または Microsoft Edge WebView2 が入った Windows の Excel 2016/2019 でお使いください。' +
          'Excel を更新できない場合は、下のアドレスを Microsoft Edge か Google Chrome で開くと、同じチェックを .xlsx ファイルに対して行えます(ファイルは外部に送信されません)。'
      )
    );
    box.appendChild(text('h2', 'Hyoka cannot start here', ''));
    box.appendChild(
      text(
        'p',
        'This Excel runs add-ins in an old web view (Internet Explorer 11 or the old Edge), or the add-in files could not be loaded. ' +
          'Use Excel for Microsoft 365, Excel 2021 or later, Excel on the web, or Excel 2016/2019 on Windows with Microsoft Edge WebView2. ' +
          'If Excel cannot be updated, open the address below in Microsoft Edge or Google Chrome to run the same checks on an .xlsx file (nothing leaves your computer).'
      )
    );
    var link = document.createElement('a');
    var href = location.href.split('#')[0];
    link.href = href;
    link.target = '_blank';
    link.appendChild(document.createTextNode(href));
    box.appendChild(link);
    var body = document.body || document.documentElement;
    while (body.firstChild) body.removeChild(body.firstChild);
    body.appendChild(box);
  }

  window.hyokaGuard = { show: show };

  if (!supported()) {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', function () {
        show('unsupported-browser');
      });
    } else {
      show('unsupported-browser');
    }
    return;
  }

  // A script of the pane that fails to load (blocked, missing, cut short) fires `error` on its
  // element; the capture phase on window sees it.
  window.addEventListener(
    'error',
    function (event) {
      var target = event && event.target;
      if (target && target.tagName === 'SCRIPT' && /taskpane/.test(target.src || '')) show('bundle-failed');
    },
    true
  );

  // The pane marks itself started; if it has not within a while after load, it never will.
  window.addEventListener('load', function () {
    setTimeout(function () {
      if (!window.hyokaStarted) show('bundle-not-started');
    }, 8000);
  });
})();
