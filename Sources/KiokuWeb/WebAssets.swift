/// The page's stylesheet and script, served by the same server (`/static/kioku.css`,
/// `/static/kioku.js`): no external asset, no build toolchain, and nothing inline, so the
/// Content-Security-Policy can forbid everything else.
public enum WebAssets {
    /// What the pages may load and where they may send: only this server. No inline script
    /// or style, no frames, forms only to this server.
    public static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    public static let stylesheet = """
        :root { --ink: #1d2330; --muted: #5b6474; --line: #d5d9e0; --accent: #1f5fbf; --bad: #a4161a; --good: #2b7a3d;
                --paper: #ffffff; --soft: #f3f5f8; font-family: system-ui, "Noto Sans", "DejaVu Sans", sans-serif; }
        :lang(ru) { font-family: "Noto Sans", "DejaVu Sans", "Liberation Sans", sans-serif; }
        :lang(ja) { font-family: "Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic", "IPAGothic", "TakaoGothic", sans-serif; line-height: 1.7; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: var(--paper); line-height: 1.5; }
        .skip { position: absolute; left: -999px; }
        .skip:focus { left: 8px; top: 8px; background: var(--paper); padding: 4px 8px; z-index: 1; }
        header { display: flex; flex-wrap: wrap; gap: 8px 24px; align-items: center; justify-content: space-between;
                 padding: 8px 16px; border-bottom: 1px solid var(--line); background: var(--soft); }
        nav { display: flex; flex-wrap: wrap; gap: 4px 16px; align-items: center; }
        nav a { color: var(--accent); text-decoration: none; padding: 4px 0; }
        nav a[aria-current="page"] { color: var(--ink); font-weight: 600; border-bottom: 2px solid var(--accent); }
        .brand { font-weight: 700; color: var(--ink); }
        main { max-width: 960px; margin: 0 auto; padding: 8px 16px 48px; }
        h1 { font-size: 1.5rem; margin: 16px 0 8px; }
        h2 { font-size: 1.15rem; margin: 24px 0 8px; }
        form.search, form.check { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: flex-end; }
        .field { display: flex; flex-direction: column; gap: 2px; }
        .field.wide { flex: 1 1 100%; }
        fieldset.field { border: 0; padding: 0; margin: 0; }
        fieldset.field label { display: block; }
        legend, label { font-size: 0.9rem; color: var(--muted); }
        fieldset label { color: var(--ink); }
        textarea, input, select, button { font: inherit; }
        textarea { width: 100%; padding: 6px; border: 1px solid var(--line); border-radius: 4px; }
        input[type=number] { width: 6em; }
        input, select { padding: 4px; border: 1px solid var(--line); border-radius: 4px; background: var(--paper); }
        button { padding: 6px 14px; border: 1px solid var(--accent); border-radius: 4px; background: var(--accent); color: #fff; cursor: pointer; }
        button[disabled] { opacity: 0.45; cursor: not-allowed; }
        button.danger { background: var(--bad); border-color: var(--bad); }
        :focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
        .token { display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: center; }
        .token input { width: 12em; }
        ol.results { list-style: none; padding: 0; }
        .match, .hit { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; margin: 8px 0; }
        .score { float: right; font-weight: 700; font-size: 1.1rem; margin-left: 12px; }
        .source, .target { margin: 4px 0; }
        .target { color: #16406f; }
        .about, .legend, .hint { color: var(--muted); font-size: 0.9rem; margin: 4px 0; }
        del { background: #fde2e1; text-decoration: line-through; }
        ins { background: #dff3e4; text-decoration: underline; }
        mark { background: #ffe58a; }
        .code { color: var(--muted); font-size: 0.8rem; }
        .notice, .ok { color: var(--good); }
        .error { color: var(--bad); }
        .findings li.error strong { color: var(--bad); }
        .findings li.warning strong { color: #8a5a00; }
        dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; }
        dl.meta dt { color: var(--muted); }
        dl.meta dd { margin: 0; }
        form.variant { display: grid; grid-template-columns: 5em 1fr; gap: 4px 12px; margin: 8px 0; }
        form.variant button { grid-column: 2; justify-self: start; }
        .history li { margin: 4px 0; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); }
        td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
        svg.chart { width: 100%; max-width: 640px; height: auto; }
        svg.chart rect { fill: var(--accent); }
        svg.chart text { font-size: 14px; fill: var(--ink); }
        @media (max-width: 600px) {
          header { padding: 8px; }
          main { padding: 8px 10px 32px; }
          form.variant { grid-template-columns: 1fr; }
          form.variant button { grid-column: 1; }
          .field { flex: 1 1 45%; }
          .token input { width: 9em; }
        }
        """

    public static let script = """
        // Kioku's page script: keeps the write token for this tab (sessionStorage, never sent
        // anywhere but this server's JSON API), and sends edits and deletions to that API.
        (() => {
          'use strict';
          const key = 'kioku-token';
          const token = () => sessionStorage.getItem(key);
          const form = document.getElementById('token-form');
          const input = document.getElementById('token');
          const forget = document.getElementById('token-forget');
          const state = document.getElementById('token-state');
          const status = document.getElementById('write-status');
          const hint = document.getElementById('write-hint');

          function refresh() {
            const has = !!token();
            state.textContent = has ? 'token entered' : '';
            forget.hidden = !has;
            for (const button of document.querySelectorAll('button.write')) button.disabled = !has;
            for (const area of document.querySelectorAll('form.variant textarea')) area.readOnly = !has;
            if (hint) hint.hidden = has;
          }

          function say(message, failed) {
            if (!status) return;
            status.textContent = message;
            status.className = failed ? 'error' : 'ok';
          }

          async function send(method, url, body) {
            const response = await fetch(url, {
              method,
              headers: { 'Authorization': 'Bearer ' + token(), 'Content-Type': 'application/json' },
              body: body === undefined ? undefined : JSON.stringify(body),
            });
            let data = {};
            try { data = await response.json(); } catch (_) { /* not JSON */ }
            return { ok: response.ok, status: response.status, data };
          }

          function refusal(result) {
            if (result.status === 401) return 'The write token was refused: enter the token kioku serve was started with, then try again.';
            if (result.status === 403) return 'This server takes no writes: ' + (result.data.error || 'it was started without a token.');
            return result.data.error || ('The server answered ' + result.status + '.');
          }

          form.hidden = false;
          form.addEventListener('submit', (event) => {
            event.preventDefault();
            const value = input.value.trim();
            if (value) sessionStorage.setItem(key, value);
            input.value = '';
            refresh();
          });
          forget.addEventListener('click', () => { sessionStorage.removeItem(key); refresh(); input.focus(); });

          for (const variant of document.querySelectorAll('form.variant')) {
            variant.addEventListener('submit', async (event) => {
              event.preventDefault();
              const text = variant.querySelector('textarea').value;
              say('Saving…', false);
              const result = await send('PATCH', '/api/units/' + variant.dataset.unit, { lang: variant.dataset.lang, text });
              if (result.ok) {
                sessionStorage.setItem('kioku-said', result.data.changed ? 'Saved.' : 'Nothing changed: that is the text already there.');
                location.reload();
              } else {
                say(refusal(result), true);
              }
            });
          }

          const remove = document.getElementById('delete-unit');
          if (remove) {
            remove.addEventListener('click', async () => {
              if (remove.dataset.armed !== 'yes') {
                remove.dataset.armed = 'yes';
                remove.textContent = 'Really delete unit ' + remove.dataset.unit + '? Press again';
                return;
              }
              const result = await send('DELETE', '/api/units/' + remove.dataset.unit);
              if (result.ok) {
                location.href = '/?deleted=' + encodeURIComponent(remove.dataset.unit);
              } else {
                remove.dataset.armed = '';
                remove.textContent = 'Delete unit ' + remove.dataset.unit;
                say(refusal(result), true);
              }
            });
          }

          const said = sessionStorage.getItem('kioku-said');
          if (said) { sessionStorage.removeItem('kioku-said'); say(said, false); }
          refresh();
        })();
        """
}
