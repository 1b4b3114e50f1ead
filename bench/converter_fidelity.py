"""Which HTML-to-Markdown converter keeps more of a WordPress post: pandoc or markdownify.

    .venv/bin/python bench/converter_fidelity.py

Both converters get exactly the HTML the importer hands to its converter (every fragment of
every post of tests/fixtures/wordpress/blog.xml and of a generated export of 200 posts, after
the importer's WordPress-specific preparation: wpautop, shortcodes, the safety policy, images,
links, footnotes, figures, complex tables), plus a few samples of what pasted content holds.
Each output is rendered by markdown-it with MyST's configuration and compared with its input:

- structure: of the headings, paragraphs, emphasis, links, list items, quotes, table cells,
  images, code, superscripts and strike-throughs in the input, the share found in the output;
- links: the share of link addresses kept;
- words: the share of the input's words a reader still sees;
- raw HTML: output fragments that MyST reads as raw HTML (which the book refuses);
- seconds for all fragments.

It prints the figures (docs/importing.md quotes them); nothing is asserted.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from bs4 import BeautifulSoup  # noqa: E402
from markdown_it.renderer import RendererHTML  # noqa: E402
from myst_parser.config.main import MdParserConfig  # noqa: E402
from myst_parser.parsers.mdit import create_md_parser  # noqa: E402

from pp_blog.wordpress import convert  # noqa: E402
from pp_blog.wordpress.synthetic import generate_export  # noqa: E402
from pp_blog.wordpress.wxr import read_export  # noqa: E402

MYST = create_md_parser(MdParserConfig(enable_extensions={"colon_fence", "deflist", "smartquotes"}), RendererHTML)
FEATURES = {
    "heading": "h1,h2,h3,h4,h5,h6", "paragraph": "p", "emphasis": "em,i", "strong": "strong,b", "link": "a[href]",
    "list item": "li", "quote": "blockquote", "table cell": "td,th", "image": "img", "code": "code,pre",
    "superscript": "sup", "strike": "del,s",
}
SAMPLES = [
    "<p>Water is H<sub>2</sub>O and 10<sup>6</sup> people; <del>old</del> new.</p>",
    "<ol><li>First<ol><li>nested <em>one</em></li></ol></li><li>Second with <a href='https://e.org/a_b'>a link</a></li></ol>",
    "<table><thead><tr><th>Country</th><th>Share</th></tr></thead><tbody><tr><td>UK</td><td>12%</td></tr></tbody></table>",
    "<p>Code <code>x = 1</code> and</p><pre>block\n  indented</pre><hr><h3>After rule</h3>",
    "<p>Characters that mean something in Markdown: * _ [x] # 1. | ` &lt;tag&gt; {role}</p>",
    "<blockquote><p>A quote with <strong>bold</strong></p><p>over two paragraphs</p></blockquote>",
    "<p>un<em>believ</em>able, <em> spaced </em> and <strong>bold <em>nested</em></strong></p>",
    "<p><a href='https://e.org/a_(b)'>paren link</a>, <a href='https://e.org/a b'>space</a>, "
    "<a href='https://e.org/s'><strong>bold link</strong></a></p>",
    "<ul><li><p>para in item</p><ul><li>deep<ul><li>deeper</li></ul></li></ul></li><li>next</li></ul>",
    "<blockquote><ul><li>list in a quote</li></ul><p>and text</p></blockquote>",
    "<pre><code>line1\n\nline3 with ``` backticks</code></pre>",
    "<p>1986. A year that starts a line</p><p>+ plus</p><p># hash</p><p>&gt; not a quote</p><p>- dash</p>",
    "<h2>Heading with <a href='https://e.org/h'>a link</a></h2><h3>**literal stars**</h3>",
    "<table><tr><th>a|b</th><th>c</th></tr><tr><td>1</td><td>2</td></tr></table>",
    "<p>Underscores in_words_here and *stars* and 2*3*4</p>",
    "<ol start='4'><li>four</li><li>five</li></ol>",
    "<div><p>inside a div</p><div><p>and another</p></div></div>",
    "<p><img src='media/a.png' alt='alt with [brackets]'></p>",
    "<p>A<sup>th</sup> and E=mc<sup>2</sup>, x<sub>i</sub></p>",
]


def fragments() -> list[str]:
    result = list(SAMPLES)
    sources = [read_export(REPO / "tests/fixtures/wordpress/blog.xml")]
    generated = Path("/tmp") / "converter-fidelity-export.xml"
    generated.write_text(generate_export(200), encoding="utf-8")
    sources.append(read_export(generated))
    for export in sources:
        for item in export.items:
            if item.post_type != "post":
                continue
            source = convert.Source(export.site_url, block_editor="<!-- wp:" in item.content,
                                    footnotes_meta=item.meta.get("footnotes", ""), media_folder="media")
            result.extend(f for f in convert.prepare(item.content, source).fragments if f.strip())
    return result


def features(html: str) -> tuple[Counter, set[str], Counter]:
    soup = BeautifulSoup(html, "html.parser")
    counts = Counter({name: len(soup.select(selector)) for name, selector in FEATURES.items()})
    links = {a["href"] for a in soup.select("a[href]")}
    words = Counter(w.casefold() for w in convert.WORD.findall(convert.TOKENS.sub(" ", soup.get_text(" "))))
    return counts, links, words


def measure(name: str, convert_all, inputs: list[str]) -> None:
    start = time.perf_counter()
    outputs = convert_all(inputs)
    seconds = time.perf_counter() - start
    kept, total, links_kept, links_total, words_kept, words_total, raw = Counter(), Counter(), 0, 0, 0, 0, 0
    for source, markdown in zip(inputs, outputs):
        tokens = MYST.parse(markdown)
        if any(t.type.startswith("html") or any(c.type.startswith("html") for c in t.children or []) for t in tokens):
            raw += 1
        rendered = MYST.renderer.render(tokens, MYST.options, {})
        before, after = features(source), features(rendered)
        for feature, count in before[0].items():
            total[feature] += count
            kept[feature] += min(count, after[0][feature])
        links_total += len(before[1])
        links_kept += len(before[1] & after[1])
        words_total += sum(before[2].values())
        words_kept += sum((before[2] & after[2]).values())
    structure = sum(kept.values()) / sum(total.values())
    print(f"{name:<12} structure {structure:6.1%}  links {links_kept / links_total:6.1%}  "
          f"words {words_kept / words_total:6.1%}  raw HTML {raw:4d}  {seconds:6.2f} s")
    print("             " + ", ".join(f"{f} {kept[f]}/{total[f]}" for f in FEATURES if total[f]))


def with_markdownify(inputs: list[str]) -> list[str]:
    from markdownify import markdownify

    return [markdownify(html, heading_style="ATX", bullets="-", escape_misc=True) for html in inputs]


def main() -> None:
    inputs = fragments()
    print(f"all {len(inputs)} HTML fragments")
    measure("pandoc", convert.to_markdown, inputs)
    measure("markdownify", with_markdownify, inputs)
    print(f"the {len(SAMPLES)} samples of pasted content only")
    measure("pandoc", convert.to_markdown, SAMPLES)
    measure("markdownify", with_markdownify, SAMPLES)


if __name__ == "__main__":
    main()
