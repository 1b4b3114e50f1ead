"""The state an incremental build keeps (pp_blog.sphinxext.rebuild): post headers, generated files
and renderings of posts, each reused only while what it was made from is unchanged."""

from __future__ import annotations

from pathlib import Path

from docutils import nodes

from pp_blog.compat.ablog import PostHTMLCache, location_free
from pp_blog.sphinxext import feeds, rebuild

POST = {"title": "A post", "date": "2021-05-12", "authors": [{"name": "Ewan Ferlie"}, {"name": "Tina Jukić"}],
        "tags": ["co-creation"], "excerpt": "Opening."}


def inputs(title="A post"):
    post = dict(POST, title=title)
    return {"feed": {"title": "Blog", "subtitle": "Sub", "feed_url": "https://e.org/atom.xml",
                     "site_url": "https://e.org/", "posts": [("posts/a", post)]},
            "urls": {"posts/a": "https://e.org/posts/a.html"}}


def render(made_of):
    return lambda: feeds.render_feed(**made_of["feed"], page_url=lambda docname: made_of["urls"][docname])


def next_build(previous: rebuild.Build | None, tmp_path: Path) -> rebuild.Build:
    """A build that starts from what ``previous`` saved, as the next build would."""
    path = tmp_path / "doctrees" / rebuild.STATE_FILE
    if previous is not None:
        previous.next_state(env=None).save(path)
    return rebuild.Build(kept=rebuild.RebuildState.load(path), path=path)


def test_unchanged_feed_is_not_rendered_again(tmp_path):
    out = tmp_path / "out"
    first = next_build(None, tmp_path)
    rebuild.write_if_changed(first, out, "blog/atom.xml", inputs(), render(inputs()))
    written = (out / "blog/atom.xml").read_bytes()
    assert written.count(b"<name>") == 2

    renders = []
    second = next_build(first, tmp_path)
    rebuild.write_if_changed(second, out, "blog/atom.xml", inputs(), lambda: renders.append(1) or b"new")
    assert renders == [] and (out / "blog/atom.xml").read_bytes() == written
    rebuild.write_if_changed(second, out, "blog/atom.xml", inputs(title="Retitled"),
                             lambda: renders.append(1) or b"new")
    assert len(renders) == 1 and (out / "blog/atom.xml").read_bytes() == b"new"


def test_feed_changed_or_removed_on_disk_is_written_again(tmp_path):
    out = tmp_path / "out"
    first = next_build(None, tmp_path)
    rebuild.write_if_changed(first, out, "blog/atom.xml", inputs(), render(inputs()))
    feed = out / "blog/atom.xml"
    good = feed.read_bytes()
    # e.g. a failed build whose staging folder was thrown away: the published file is older.
    feed.write_bytes(b"stale")
    second = next_build(first, tmp_path)
    rebuild.write_if_changed(second, out, "blog/atom.xml", inputs(), render(inputs()))
    assert feed.read_bytes() == good
    feed.unlink()
    rebuild.write_if_changed(next_build(second, tmp_path), out, "blog/atom.xml", inputs(), render(inputs()))
    assert feed.read_bytes() == good


def write(folder: Path, name: str, front: str) -> Path:
    path = folder / f"{name}.md"
    path.write_text("---\n" + front + "\n---\n\nText.\n", encoding="utf-8")
    return path


def test_post_headers_are_kept_between_builds_and_read_again_when_a_file_changes(tmp_path, monkeypatch):
    folder = tmp_path / "posts" / "series"
    folder.mkdir(parents=True)
    one = write(folder, "one", "title: One\ndate: 2021-01-01\nposition: 1")
    two = write(folder, "two", "title: Two\ndate: 2021-02-01")
    first = next_build(None, tmp_path)
    assert first.header(one) == {"title": "One", "date": "2021-01-01", "position": 1}
    first.header(two)

    write(folder, "two", "title: Two, renamed\ndate: 2021-02-01\ndraft: true")
    one.unlink()
    again = next_build(first, tmp_path)
    parsed = []
    monkeypatch.setattr(rebuild, "read_header", lambda text: parsed.append(text) or None)
    again.header(two)
    assert len(parsed) == 1, "a changed file is parsed again"
    monkeypatch.undo()
    assert again.header(two) is None  # what the stand-in parser gave, kept for the unchanged file
    assert list(again.next_state(env=None).headers) == [str(two)]


def test_a_state_of_another_version_or_unreadable_starts_afresh(tmp_path):
    path = tmp_path / rebuild.STATE_FILE
    path.write_bytes(b"not a pickle")
    assert rebuild.RebuildState.load(path) == rebuild.RebuildState()
    rebuild.RebuildState(shared_chrome="x").save(path)
    assert rebuild.RebuildState.load(path).shared_chrome == "x"


def test_post_html_cache_keeps_unchanged_posts_and_drops_the_rest() -> None:
    first = PostHTMLCache("config-1", None)
    assert first.get(("a", "", "fp-a", None), lambda: "<p>A</p>") == "<p>A</p>"
    assert first.get(("b", "", "fp-b", None), lambda: "<p>B</p>") == "<p>B</p>"
    stored = first.kept({("a", "", "fp-a"), ("b", "", "fp-b")})

    # A build that renders nothing keeps what is still current; b changed (new fingerprint).
    stored = PostHTMLCache("config-1", stored).kept({("a", "", "fp-a"), ("b", "", "fp-b2")})
    again = PostHTMLCache("config-1", stored)
    assert again.get(("a", "", "fp-a", None), lambda: "rendered again") == "<p>A</p>"
    assert again.get(("b", "", "fp-b", None), lambda: "rendered again") == "rendered again"
    # Another configuration (or other document titles) renders everything again.
    assert PostHTMLCache("config-2", stored).get(("a", "", "fp-a", None), lambda: "new") == "new"


def test_only_nodes_without_links_images_or_raw_html_render_the_same_everywhere() -> None:
    plain = nodes.paragraph("", "", nodes.Text("Plain "), nodes.emphasis("", "words"))
    linked = nodes.paragraph("", "", nodes.reference("", "a link", refuri="../x.html"))
    pictured = nodes.paragraph("", "", nodes.image(uri="img.png"))
    assert location_free([plain])
    assert not location_free([plain, linked])
    assert not location_free([pictured])
