"""A page built from common accessible patterns (in the style of GOV.UK Frontend) reports
nothing: custom focus styles on links and hidden radio inputs, a menu button, an accordion,
tabs with a roving tabindex, a table scrolling in its own region, a sticky back-to-top link,
a status spinner. The rules must not cry wolf on what good sites do."""

from __future__ import annotations

import pytest

from .conftest import CheckPage, page

pytestmark = pytest.mark.browser

CSS = """<style>
* { box-sizing: border-box; }
body { margin: 0; font: 1rem/1.5 sans-serif; }
a:focus, button:focus, [role=tab]:focus, .region:focus, input:focus, summary:focus {
  outline: 3px solid transparent; background-color: #fd0; color: #0b0c0c;
  box-shadow: 0 -2px #fd0, 0 4px #0b0c0c; text-decoration: none; }
.skip { position: absolute; width: 1px; height: 1px; margin: 0; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap; }
.skip:focus { position: static; width: auto; height: auto; clip-path: none; }
header { background: #0b0c0c; color: #fff; padding: 0.5rem 1rem; }
header a { color: #fff; }
.menu { display: none; } .menu.open { display: block; }
.wrap { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
.radios input { position: absolute; opacity: 0; width: 44px; height: 44px; margin: 0; }
.radios label { display: inline-block; padding: 0.5rem 0.5rem 0.5rem 3rem; position: relative; }
.radios label::before { content: ""; position: absolute; left: 0; top: 0; width: 40px;
  height: 40px; border: 2px solid #0b0c0c; border-radius: 50%; }
.radios input:focus + label::before { border-width: 4px; box-shadow: 0 0 0 4px #fd0; }
.radios input:focus { background: none; box-shadow: none; }
.region { overflow-x: auto; }
.top { position: sticky; bottom: 0; display: inline-block; background: #fff; padding: 0.5rem; }
.spinner { width: 40px; height: 40px; border: 4px solid #ccc; border-top-color: #000;
  border-radius: 50%; animation: spin 1s linear infinite; }
@keyframes spin { to { transform: rotate(360deg); } }
.card { cursor: pointer; border: 1px solid #ccc; padding: 1rem; }
[role=tab][aria-selected=true] { font-weight: bold; }
[role=tabpanel][hidden] { display: none; }
footer { border-top: 4px solid #1d70b8; padding: 1rem; }
</style>"""

ROWS = "".join(
    f"<tr><th scope='row'>Band {band}</th>"
    + "".join(f"<td>£{band}{n}3.45</td>" for n in range(9))
    + "</tr>"
    for band in "ABCDEFGH"
)

BODY = f"""
<a class='skip' href='#main'>Skip to main content</a>
<header><a href='/'>Anytown Borough Council</a>
  <button type='button' id='menu-button' aria-expanded='false' aria-controls='menu'>Menu</button>
  <nav id='menu' class='menu' aria-label='Menu'>
    <a href='/bins'>Bins</a> <a href='/tax'>Tax</a></nav>
</header>
<div class='wrap'>
<nav aria-label='Breadcrumb'><ol><li><a href='/'>Home</a></li>
  <li><a href='/tax'>Council tax</a></li></ol></nav>
<main id='main' tabindex='-1'>
<h1>Council tax bands and charges</h1>
<p>Your council tax depends on the band of your home. You can <a href='/tax/pay'>pay online</a>
or <a href='/tax/debit'>set up a direct debit</a>.</p>
<div class='card'><h2><a href='/tax/discounts'>Discounts and exemptions</a></h2>
<p>You might pay less if you live alone.</p></div>
<div class='region' role='region' aria-label='Charges by band' tabindex='0'>
<table><caption>Charges for 2026 to 2027</caption>
<tr><th scope='col'>Band</th>{"".join(f"<th scope='col'>Parish {n}</th>" for n in range(9))}</tr>
{ROWS}</table></div>
<div class='accordion'>
  <h2><button type='button' aria-expanded='false' aria-controls='s1' id='a1'>Who pays</button></h2>
  <div id='s1' hidden><p>Usually the person who lives in the home.</p></div>
</div>
<div role='tablist' aria-label='Ways to pay'>
  <button role='tab' id='t1' aria-selected='true' aria-controls='p1'>Online</button>
  <button role='tab' id='t2' aria-selected='false' aria-controls='p2' tabindex='-1'>Phone</button>
</div>
<div role='tabpanel' id='p1' aria-labelledby='t1' tabindex='0'><p>Pay with a card.</p></div>
<div role='tabpanel' id='p2' aria-labelledby='t2' tabindex='0' hidden><p>Call us.</p></div>
<form action='/tax/check'>
<fieldset><legend>Do you live alone?</legend><div class='radios'>
  <div><input type='radio' id='r1' name='alone' value='yes'><label for='r1'>Yes</label></div>
  <div><input type='radio' id='r2' name='alone' value='no'><label for='r2'>No</label></div>
</div></fieldset>
<label for='postcode'>Postcode</label>
<input id='postcode' name='postcode' autocomplete='postal-code'>
<button>Continue</button>
</form>
<details><summary>Help with this form</summary>
  <p>Call <a href='tel:01234567890'>01234 567890</a>.</p></details>
<div class='spinner' role='status' aria-label='Loading charges'></div>
<p><a class='top' href='#main'>Back to top</a></p>
</main></div>
<footer><a href='/accessibility'>Accessibility statement</a> <a href='/privacy'>Privacy</a></footer>
<script>
const button = document.getElementById('menu-button');
button.addEventListener('click', () => {{
  const open = button.getAttribute('aria-expanded') !== 'true';
  button.setAttribute('aria-expanded', String(open));
  document.getElementById('menu').classList.toggle('open', open);
}});
document.getElementById('a1').addEventListener('click', (event) => {{
  const open = event.currentTarget.getAttribute('aria-expanded') !== 'true';
  event.currentTarget.setAttribute('aria-expanded', String(open));
  document.getElementById('s1').hidden = !open;
}});
for (const card of document.querySelectorAll('.card')) {{
  card.addEventListener('click', () => card.querySelector('a').click());
}}
const tabs = [...document.querySelectorAll('[role=tab]')];
for (const tab of tabs) {{
  tab.addEventListener('keydown', (event) => {{
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const next = tabs[(tabs.indexOf(tab) + 1) % tabs.length];
    for (const other of tabs) other.tabIndex = other === next ? 0 : -1;
    next.focus();
  }});
}}
</script>
"""


def test_common_accessible_patterns_report_nothing(check_page: CheckPage) -> None:
    html = page(BODY, title="Council tax bands and charges - Anytown Borough Council", head=CSS)
    found = check_page(html)
    assert [(issue.rule, issue.selector, issue.message) for issue in found] == []


def test_the_same_page_with_the_menu_open_reports_nothing(check_page: CheckPage) -> None:
    html = page(
        BODY.replace("class='menu'", "class='menu open'"),
        title="Council tax bands and charges - Anytown Borough Council",
        head=CSS,
    )
    assert check_page(html) == []
