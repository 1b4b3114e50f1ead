"""Feeds are rendered again only when their inputs or the file on disk changed."""

from __future__ import annotations

from pp_blog import feeds

POST = {"title": "A post", "date": "2021-05-12", "authors": [{"name": "Ewan Ferlie"}, {"name": "Tina Jukić"}],
        "tags": ["co-creation"], "excerpt": "Opening."}


def inputs(title="A post"):
    post = dict(POST, title=title)
    return {"feed": {"title": "Blog", "subtitle": "Sub", "feed_url": "https://e.org/atom.xml",
                     "site_url": "https://e.org/", "posts": [("posts/a", post)]},
            "urls": {"posts/a": "https://e.org/posts/a.html"}}


def test_unchanged_feed_is_not_rendered_again(tmp_path, monkeypatch):
    state = tmp_path / "doctrees" / feeds.FEED_STATE
    first = feeds.FeedWriter(tmp_path / "out", state)
    first.write("blog/atom.xml", inputs())
    first.save()
    written = (tmp_path / "out/blog/atom.xml").read_bytes()
    assert written.count(b"<name>") == 2

    renders = []
    monkeypatch.setattr(feeds, "render_feed", lambda **kw: renders.append(kw) or b"new")
    second = feeds.FeedWriter(tmp_path / "out", state)
    second.write("blog/atom.xml", inputs())
    assert renders == [] and (tmp_path / "out/blog/atom.xml").read_bytes() == written

    second.write("blog/atom.xml", inputs(title="Retitled"))
    assert len(renders) == 1 and (tmp_path / "out/blog/atom.xml").read_bytes() == b"new"


def test_feed_changed_or_removed_on_disk_is_written_again(tmp_path):
    state = tmp_path / "doctrees" / feeds.FEED_STATE
    writer = feeds.FeedWriter(tmp_path / "out", state)
    writer.write("blog/atom.xml", inputs())
    writer.save()
    feed = tmp_path / "out/blog/atom.xml"
    good = feed.read_bytes()
    # e.g. a failed build whose staging folder was thrown away: the published file is older.
    feed.write_bytes(b"stale")
    feeds.FeedWriter(tmp_path / "out", state).write("blog/atom.xml", inputs())
    assert feed.read_bytes() == good
    feed.unlink()
    feeds.FeedWriter(tmp_path / "out", state).write("blog/atom.xml", inputs())
    assert feed.read_bytes() == good
