"""The theme's check for empty components is skipped only for components that always show."""

from __future__ import annotations

from pp_blog.compat.theme import put_back_never_empty, set_aside_never_empty


def theme_check(context, empty):
    """What pydata-sphinx-theme does between the two handlers: drop the components that render empty."""
    for section in ("sidebars", "theme_article_header_end"):
        if context.get(section):
            context[section] = [name for name in context[section] if name not in empty]


def test_known_components_skip_the_check_and_keep_their_place():
    context = {
        "ablog": ["a post"],
        "sidebars": ["navbar-logo.html", "sidebar-ethical-ads", "ppblog/sidebar-nav.html", "ppblog/archives.html"],
        "theme_article_header_end": "article-header-buttons.html",
    }
    set_aside_never_empty(None, "page", "page.html", context, None)
    # The theme is left to check only what may be empty.
    assert context["sidebars"] == ["sidebar-ethical-ads.html"]
    assert context["theme_article_header_end"] == []
    theme_check(context, empty={"sidebar-ethical-ads.html"})
    put_back_never_empty(None, "page", "page.html", context, None)
    assert context["sidebars"] == ["navbar-logo.html", "ppblog/sidebar-nav.html", "ppblog/archives.html"]
    assert context["theme_article_header_end"] == ["article-header-buttons.html"]


def test_the_blog_sidebars_are_checked_when_there_are_no_posts():
    context = {"ablog": [], "sidebars": ["ppblog/recent-posts.html", "ppblog/archives.html"]}
    set_aside_never_empty(None, "page", "page.html", context, None)
    assert context["sidebars"] == ["ppblog/recent-posts.html", "ppblog/archives.html"]
    theme_check(context, empty={"ppblog/recent-posts.html", "ppblog/archives.html"})
    put_back_never_empty(None, "page", "page.html", context, None)
    assert context["sidebars"] == []
