"""The conversion of small WordPress inputs to MyST, pandoc included: bylines, galleries,
shortcodes and footnotes. The pure steps are tested in tests/unit/test_wordpress_prepare.py."""

from __future__ import annotations

from pp_blog.wordpress import convert


def markdown(content: str, **source) -> tuple[str, convert.Prepared]:
    prepared = convert.prepare(content, convert.Source("https://blog.example.org", media_folder="media", **source))
    return convert.assemble(prepared, convert.to_markdown(prepared.fragments)), prepared


def test_an_editorial_post_takes_its_authors_and_role_from_the_byline_and_drops_it():
    content = ('[caption id="a" width="300"]<img src="https://blog.example.org/wp-content/uploads/s.jpg" '
               'alt="Sarah_Brown_credit_Evelyn_Sturdy" /> Image credit: Evelyn Sturdy at Unsplash[/caption]\n\n'
               "Sarah Brown\nJournal Manager, Policy &amp; Politics\n\nThis quarter’s highlights collection focusses on "
               "policy diffusion.")
    text, prepared = markdown(content, editorial=True)
    assert prepared.byline == [("Sarah Brown", "Journal Manager, Policy & Politics")]
    assert text == "This quarter’s highlights collection focusses on policy diffusion.\n"
    assert prepared.notes == []  # the headshot went with the byline: no image to report


def test_without_a_byline_nothing_is_removed():
    content = "In our recent article, we ask what co-creation is.\n\nSecond paragraph."
    text, prepared = markdown(content, editorial=True)
    assert prepared.byline is None
    assert text.startswith("In our recent article")


def test_a_gallery_shows_the_attached_images_with_their_captions():
    attachments = {7: convert.Attachment("https://blog.example.org/wp-content/uploads/a.png", "Alt A", "Caption A", 1),
                   8: convert.Attachment("https://other.example.org/b.png", "Alt B", "", 1)}
    text, prepared = markdown('[gallery ids="7,8,9"]', attachments=attachments)
    assert "[Alt A](https://blog.example.org/wp-content/uploads/a.png)" in text
    assert "[Alt B](https://other.example.org/b.png)" in text
    assert prepared.notes == [
        "[gallery] image 9 is not in the export: left out",
        "image a.png: no --media folder given, kept as a link",
        "image https://other.example.org/b.png is not on this blog's uploads: kept as a link",
    ]


def test_shortcodes_written_as_text_stay_text():
    text, prepared = markdown("Write [[caption]] to show a shortcode; [sic] and [1] are not shortcodes.")
    assert text == "Write \\[caption\\] to show a shortcode; \\[sic\\] and \\[1\\] are not shortcodes.\n"
    assert prepared.notes == []


def test_footnote_shortcodes_become_footnotes():
    text, _ = markdown("Claim[efn_note]Source, 2020.[/efn_note] and another[footnote]Second.[/footnote].")
    assert text == "Claim[^1] and another[^2].\n\n[^1]: Source, 2020.\n\n[^2]: Second.\n"
