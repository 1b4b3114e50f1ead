"""How print editions reshape a doctree (pp_blog.sphinxext.latex), on hand-made doctrees."""

from __future__ import annotations

from docutils import nodes
from docutils.utils import new_document

from pp_blog.sphinxext import latex


def test_link_to_a_web_only_page_drops_its_list_item_or_keeps_its_words():
    document = new_document("test")
    listed = nodes.reference("", "All posts by date", refuri="https://example.org/blog/archive")
    document += nodes.bullet_list("", nodes.list_item("", nodes.paragraph("", "", listed)))
    in_prose = nodes.reference("", "tag pages", refuri="https://example.org/blog/tag")
    document += nodes.paragraph("", "", nodes.Text("See the "), in_prose, nodes.Text(" online."))
    latex.drop_link(listed)
    latex.drop_link(in_prose)
    latex.prune(document)
    assert [node.astext() for node in document.children] == ["See the tag pages online."]
    assert not list(document.findall(nodes.reference))


def test_sections_left_empty_are_pruned_but_not_those_with_text():
    document = new_document("test")
    empty = nodes.section("", nodes.title("", "Recent posts"), nodes.container("", nodes.comment("", "")))
    kept = nodes.section("", nodes.title("", "About"), nodes.paragraph("", "Words."))
    document += [empty, kept]
    latex.prune(document)
    assert [section.next_node(nodes.title).astext() for section in document.children] == ["About"]


def test_doi_links_print_as_their_address():
    ref = nodes.reference("", "doi:10.1332/0305573", refuri="https://doi.org/10.1332/0305573")
    latex.print_doi_in_full(ref)
    assert ref.astext() == "https://doi.org/10.1332/0305573"
    other = nodes.reference("", "the article", refuri="https://doi.org/10.1332/0305573")
    latex.print_doi_in_full(other)
    assert other.astext() == "the article"
