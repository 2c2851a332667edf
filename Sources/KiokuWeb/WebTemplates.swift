/// The pages' Mustache templates. `{{x}}` is HTML-escaped; `{{{body}}}` (the layout's) is a
/// page already rendered. Every text from the TM carries its language in `lang`, so Russian
/// and Japanese get their own fonts and screen readers their own voices.
enum WebTemplates {
    static let layout = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · Kioku</title>
        <link rel="stylesheet" href="/static/kioku.css">
        <script src="/static/kioku.js" defer></script>
        </head>
        <body>
        <a class="skip" href="#main">Skip to the content</a>
        <header>
        <nav aria-label="Main">
        <a class="brand" href="/"><span lang="ja">記憶</span> Kioku</a>
        <a href="/"{{#searchActive}} aria-current="page"{{/searchActive}}>Search</a>
        <a href="/check"{{#checkActive}} aria-current="page"{{/checkActive}}>Glossary check</a>
        <a href="/stats"{{#statsActive}} aria-current="page"{{/statsActive}}>Stats</a>
        </nav>
        <form id="token-form" class="token" hidden>
        <label for="token">Write token</label>
        <input id="token" type="password" autocomplete="off" spellcheck="false">
        <button type="submit">Use</button>
        <button type="button" id="token-forget" hidden>Forget</button>
        <span id="token-state" role="status"></span>
        </form>
        </header>
        <main id="main">
        {{{body}}}
        </main>
        </body>
        </html>
        """

    static let search = """
        <h1>Search the TM</h1>
        <form class="search" method="get" action="/" role="search">
        <div class="field wide"><label for="q">Text</label>
        <textarea id="q" name="q" rows="2" required lang="{{sourceCode}}">{{query}}</textarea></div>
        <fieldset class="field"><legend>Find</legend>
        <label><input type="radio" name="mode" value="lookup"{{#isLookup}} checked{{/isLookup}}> fuzzy matches</label>
        <label><input type="radio" name="mode" value="concordance"{{#isConcordance}} checked{{/isConcordance}}> the phrase (concordance)</label>
        </fieldset>
        <div class="field"><label for="src">From</label>
        <select id="src" name="src">{{#sources}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/sources}}</select></div>
        <div class="field"><label for="tgt">To</label>
        <select id="tgt" name="tgt">{{#targets}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/targets}}</select></div>
        <div class="field"><label for="min">Minimum score</label>
        <input id="min" name="min" type="number" min="1" max="100" value="{{minimum}}" inputmode="numeric"></div>
        <div class="field"><label for="origin">Origin</label>
        <select id="origin" name="origin"><option value="">any file</option>{{#origins}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/origins}}</select></div>
        <div class="field"><button type="submit">Search</button></div>
        </form>
        {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        {{#hasMatches}}
        <h2>{{summary}}</h2>
        <p class="legend"><del>struck</del>: in the TM's sentence only · <ins>underlined</ins>: in your text only</p>
        <ol class="results">
        {{#matches}}
        <li class="match">
        <span class="score" aria-label="score {{score}} percent">{{score}}%</span>
        <p class="source" lang="{{sourceLanguage}}">{{#diff}}{{#equal}}{{text}}{{/equal}}{{#removed}}<del>{{text}}</del>{{/removed}}{{#added}}<ins>{{text}}</ins>{{/added}}{{/diff}}</p>
        <p class="target" lang="{{targetLanguage}}">{{target}}</p>
        {{#adapted}}<p class="adapted">numbers put in: <span lang="{{targetLanguage}}">{{adapted}}</span></p>{{/adapted}}
        <p class="about"><a href="/units/{{unitID}}">unit {{unitID}}</a>{{#origin}} · {{origin}}{{/origin}}{{#change}} · {{change}}{{/change}}</p>
        </li>
        {{/matches}}
        </ol>
        {{/hasMatches}}
        {{#hasHits}}
        <h2>{{summary}}</h2>
        <ol class="results">
        {{#hits}}
        <li class="hit">
        <p class="source" lang="{{language}}">{{#pieces}}{{#marked}}<mark>{{text}}</mark>{{/marked}}{{^marked}}{{text}}{{/marked}}{{/pieces}}</p>
        {{#translations}}<p class="target" lang="{{language}}"><span class="code">{{language}}</span> {{text}}</p>{{/translations}}
        <p class="about"><a href="/units/{{unitID}}">unit {{unitID}}</a>{{#origin}} · {{origin}}{{/origin}}</p>
        </li>
        {{/hits}}
        </ol>
        {{/hasHits}}
        {{#nothingFound}}<p class="empty" role="status">{{summary}}</p>{{/nothingFound}}
        """

    static let unit = """
        <h1>Unit {{id}}</h1>
        <dl class="meta">
        {{#origin}}<dt>Origin</dt><dd>{{origin}}</dd>{{/origin}}
        {{#created}}<dt>Created</dt><dd>{{created}}</dd>{{/created}}
        {{#changed}}<dt>Changed</dt><dd>{{changed}}</dd>{{/changed}}
        {{#notes}}<dt>Note</dt><dd>{{.}}</dd>{{/notes}}
        {{#properties}}<dt>{{name}}</dt><dd>{{value}}</dd>{{/properties}}
        </dl>
        <h2>Variants</h2>
        <p id="write-hint" class="hint">Enter the write token above to edit or delete.</p>
        {{#variants}}
        <form class="variant" data-unit="{{unitID}}" data-lang="{{language}}">
        <label for="variant-{{position}}">{{language}}</label>
        <textarea id="variant-{{position}}" name="text" lang="{{language}}" rows="3" readonly>{{text}}</textarea>
        <button type="submit" class="write" disabled>Save the {{language}} text</button>
        </form>
        {{/variants}}
        <p><button type="button" id="delete-unit" class="write danger" data-unit="{{id}}" disabled>Delete unit {{id}}</button></p>
        <p id="write-status" role="status" aria-live="polite"></p>
        <h2>History</h2>
        {{#hasHistory}}
        <ol class="history">
        {{#history}}<li>{{date}}{{#user}} by {{user}}{{/user}}: the {{language}} text was <q lang="{{language}}">{{text}}</q></li>{{/history}}
        </ol>
        {{/hasHistory}}
        {{^hasHistory}}<p>No edits yet.</p>{{/hasHistory}}
        """

    static let check = """
        <h1>Glossary check</h1>
        <p>Paste a sentence and its translation: the check finds names and places the translation misses or gets wrong (<span lang="ru">Шинзо Абе</span> for <span lang="ru">Синдзо Абэ</span>).</p>
        {{#noGlossary}}<p class="error" role="alert">This server has no glossary: start it with --glossary FILE, or import one into the TM (kioku glossary import).</p>{{/noGlossary}}
        <form class="check" method="get" action="/check">
        <div class="field"><label for="src">Source language</label>
        <select id="src" name="src">{{#sources}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/sources}}</select></div>
        <div class="field"><label for="tgt">Target language</label>
        <select id="tgt" name="tgt">{{#targets}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/targets}}</select></div>
        <div class="field wide"><label for="source">Sentence</label>
        <textarea id="source" name="source" rows="3" required lang="{{sourceCode}}">{{source}}</textarea></div>
        <div class="field wide"><label for="target">Translation</label>
        <textarea id="target" name="target" rows="3" required lang="{{targetCode}}">{{target}}</textarea></div>
        <div class="field"><button type="submit">Check</button></div>
        </form>
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        {{#ran}}
        {{#passed}}<p class="ok" role="status">{{summary}}</p>{{/passed}}
        {{^passed}}<p class="error" role="status">{{summary}}</p>{{/passed}}
        <ul class="findings">
        {{#findings}}<li class="{{severity}}"><strong>{{severity}}</strong> {{message}}</li>{{/findings}}
        </ul>
        {{/ran}}
        """

    static let stats = """
        <h1>What the TM holds</h1>
        <p class="totals">{{units}} units · {{segments}} segments · {{size}}{{#markup}} · {{markup}} with inline codes{{/markup}}</p>
        <h2 id="chart-title">Segments per language</h2>
        <svg class="chart" viewBox="0 0 640 {{chartHeight}}" role="img" aria-labelledby="chart-title">
        {{#bars}}
        <g><text class="label" x="0" y="{{textY}}" lang="{{language}}">{{language}}</text>
        <rect x="70" y="{{y}}" width="{{width}}" height="22"></rect>
        <text class="value" x="{{valueX}}" y="{{textY}}">{{value}}</text></g>
        {{/bars}}
        </svg>
        <h2>Language pairs</h2>
        <table><thead><tr><th scope="col">Pair (both directions)</th><th scope="col" class="number">Units</th></tr></thead>
        <tbody>{{#pairs}}<tr><td>{{label}}</td><td class="number">{{units}}</td></tr>{{/pairs}}</tbody></table>
        <h2>Origins</h2>
        <table><thead><tr><th scope="col">File</th><th scope="col" class="number">Units</th><th scope="col">Imported</th></tr></thead>
        <tbody>{{#origins}}<tr><td>{{path}}</td><td class="number">{{units}}</td><td>{{importedAt}}</td></tr>{{/origins}}</tbody></table>
        """

    static let notFound = """
        <h1>Not here</h1>
        <p class="error" role="alert">{{message}}</p>
        <p><a href="/">Search the TM</a></p>
        """
}
