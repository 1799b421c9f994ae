import { esc, jsonForScript } from './html-escape.ts'

/** Inline style: the page must work offline and as a CI artifact, so nothing is fetched. */
const STYLE = `
:root{--ok:#1b7f3b;--ko:#b3261e;--err:#8a4b00;--muted:#5f6368;--line:#d9dce1;--bg:#f6f7f9;--card:#fff;--ink:#1d1f23}
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg)}
main{max-width:1200px;margin:0 auto;padding:24px}
h1{font-size:1.6em;margin:0 0 4px}h2{font-size:1.25em;margin:32px 0 12px;border-bottom:2px solid var(--line);padding-bottom:4px}h3{font-size:1.05em;margin:20px 0 8px}
small,.muted{color:var(--muted)}
.banner{display:flex;gap:16px;align-items:center;padding:16px 20px;border-radius:8px;background:var(--card);border-left:8px solid var(--muted);box-shadow:0 1px 2px #0001}
.banner.v-pass,.banner.v-omit{border-color:var(--ok)}.banner.v-fail{border-color:var(--ko)}.banner.v-error,.banner.v-cancel{border-color:var(--err)}
.banner .verdict{font-size:1.5em;font-weight:700}
.v-pass .verdict,.v-omit .verdict{color:var(--ok)}.v-fail .verdict{color:var(--ko)}.v-error .verdict,.v-cancel .verdict{color:var(--err)}
dl.ident{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:16px 0}dl.ident dt{color:var(--muted)}dl.ident dd{margin:0;overflow-wrap:anywhere}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px}
.card{background:var(--card);border-radius:8px;padding:12px 14px;box-shadow:0 1px 2px #0001}.card b{display:block;font-size:1.6em}
.bar{display:flex;height:12px;border-radius:6px;overflow:hidden;background:var(--line);margin:12px 0}.bar span{display:block}
.s-verified{background:var(--ok)}.s-failed{background:var(--ko)}.s-error{background:var(--err)}.s-not-run{background:#9aa0a6}.s-manual{background:#5b7bd5}
table{width:100%;border-collapse:collapse;background:var(--card);margin:8px 0}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:#eef0f3;font-weight:600}td.num{text-align:right;white-space:nowrap}
tbody.section-group th{background:#e3e7ee}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:.85em;color:#fff;background:#9aa0a6;white-space:nowrap}
.badge.verified,.badge.pass,.badge.ind-met{background:var(--ok)}.badge.failed,.badge.fail,.badge.ind-not-met{background:var(--ko)}.badge.error{background:var(--err)}.badge.manual{background:#5b7bd5}
.indicator-charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(420px,1fr));gap:12px;margin:12px 0}.indicator-chart{margin:0}.indicator-chart figcaption{font-weight:600;margin-bottom:4px}.indicator-chart rect.bar{fill:#9aa0a6}.indicator-chart rect.ind-met{fill:var(--ok)}.indicator-chart rect.ind-not-met{fill:var(--ko)}.indicator-chart line.target{stroke:#333;stroke-width:1.5}
.filters{display:flex;flex-wrap:wrap;gap:12px;align-items:end;background:var(--card);padding:10px 12px;border-radius:8px}
.filters label{display:flex;flex-direction:column;font-size:.85em;color:var(--muted)}
.filters select{font:inherit;padding:3px 6px}
details{background:var(--card);border-radius:8px;margin:8px 0;padding:6px 12px;box-shadow:0 1px 2px #0001}
details>summary{cursor:pointer;font-weight:600;padding:4px 0}
details.req{border-left:6px solid var(--ko)}details.req.error{border-left-color:var(--err)}
details.evidence{background:#fafbfc;box-shadow:none;border:1px solid var(--line)}
details.evidence>summary{font-weight:500}
figure{margin:8px 0}figcaption{font-size:.85em;color:var(--muted);overflow-wrap:anywhere}
pre{background:#1e2329;color:#e8eaed;padding:10px 12px;border-radius:6px;overflow:auto;max-height:480px;font:12.5px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:pre-wrap;overflow-wrap:anywhere}
.cut{color:var(--err);font-size:.9em}
dl.cda{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;background:#fff;border:1px solid var(--line);border-radius:6px;padding:8px 12px}dl.cda dt{color:var(--muted)}dl.cda dd{margin:0}
.verdict-line.ok{color:var(--ok);font-weight:600}.verdict-line.ko{color:var(--ko);font-weight:600}
.notice{background:#fff7e0;border:1px solid #f0d68a;padding:8px 12px;border-radius:6px}
footer{margin:40px 0 0;color:var(--muted);font-size:.85em}
@media print{details{break-inside:avoid}pre{max-height:none}.filters{display:none}}
`

/**
 * Filters (status, section, level) work on data attributes; their state lives in the URL
 * (`?statut=failed&section=DMP`) so a filtered view can be shared; a `#req-…` fragment (or
 * `?ouvrir=<exigence>`, which does not scroll) opens that requirement's details with its evidence.
 */
const SCRIPT = `
(function(){
  var q=new URLSearchParams(location.search);
  var fields={statut:'status',section:'section',niveau:'level'};
  var selects={};
  Object.keys(fields).forEach(function(k){var s=document.getElementById('filtre-'+k);if(s){selects[k]=s;if(q.get(k))s.value=q.get(k);s.addEventListener('change',apply)}});
  function apply(){
    var rows=document.querySelectorAll('#matrice tbody tr[data-id]');var shown=0;
    rows.forEach(function(r){var ok=Object.keys(selects).every(function(k){var v=selects[k].value;return !v||r.dataset[fields[k]]===v});r.hidden=!ok;if(ok)shown++});
    document.querySelectorAll('#matrice tbody.section-group').forEach(function(g){g.hidden=!g.querySelector('tr[data-id]:not([hidden])')});
    var out=document.getElementById('filtre-compte');if(out)out.textContent=shown+' exigence(s) affichée(s) sur '+rows.length;
    var p=new URLSearchParams();Object.keys(selects).forEach(function(k){if(selects[k].value)p.set(k,selects[k].value)});
    var s=p.toString();if(history.replaceState)try{history.replaceState(null,'',(s?'?'+s:location.pathname)+location.hash)}catch(e){}
  }
  function openHash(){
    var id=location.hash?decodeURIComponent(location.hash.slice(1)):(q.get('ouvrir')?'req-'+q.get('ouvrir').replace(/[^A-Za-z0-9_-]/g,'_'):'');
    if(!id)return;var el=document.getElementById(id);
    for(var n=el;n;n=n.parentElement){if(n.tagName==='DETAILS')n.open=true}
    if(el&&el.tagName==='DETAILS')el.querySelectorAll('details.evidence').forEach(function(d){d.open=true});
    if(el&&location.hash)el.scrollIntoView();
  }
  window.addEventListener('hashchange',openHash);
  var all=document.getElementById('tout-deplier');if(all)all.addEventListener('click',function(){document.querySelectorAll('details').forEach(function(d){d.open=true})});
  apply();openHash();
})();
`

export interface PageInput {
  readonly title: string
  readonly body: string
  /** Embedded as JSON for machines (`#report-data`); never interpreted by the page. */
  readonly data: unknown
}

/** One self-contained French page: inline style and script, data embedded, no external asset. */
export function htmlPage(input: PageInput): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${esc(input.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${input.body}
<footer>Produit par dui-harness. Les données complètes sont incluses dans ce fichier (élément <code>script#report-data</code>, JSON).</footer>
</main>
<script type="application/json" id="report-data">${jsonForScript(input.data)}</script>
<script>${SCRIPT}</script>
</body>
</html>
`
}
