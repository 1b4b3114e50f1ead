"""Sphinx configuration of the Policy & Politics blog: configuration only."""

project = "Policy & Politics blog"
author = "Policy & Politics"
# The footer reads "Copyright <the years the posts span>, <holder>" (no fixed year to go stale).
ppblog_copyright_holder = "Policy & Politics; post excerpts © their authors"
language = "en"

extensions = [
    "myst_parser",
    "ablog",
    "sphinx_book_theme",
    "sphinx_sitemap",
    # Loads sphinxext-opengraph itself (social cards), quietly.
    "pp_blog",
]

# The address the site is published at: feeds, canonical links, social cards, the sitemap and
# citations are all made from it (see docs/citing-and-discovery.md before deploying).
html_baseurl = "https://policyandpolitics.github.io/blog/"
# The licence of the posts: in the footer, on every post with its reuse line, in JSON-LD and feeds.
ppblog_licence = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}

# Only the book's own sources are pages: never tests/, src/, bench/ or the README.
include_patterns = ["index.md", "docs/**", "posts/**"]
source_suffix = {".md": "markdown"}
root_doc = "index"
html_static_path = ["_static"]
# Sources are not published: they carry comments meant for editors (docs/security.md).
html_copy_source = False

myst_enable_extensions = ["colon_fence", "deflist", "smartquotes"]
myst_heading_anchors = 3

# Math in posts is typeset by MathJax (Sphinx 9 loads MathJax 4) in its safe mode: the html
# package (\href, \class, \cssId, \style) removed and never autoloaded, \require (which could
# load it back) removed, and ui/safe filtering what remains (docs/security.md).
mathjax4_config = {
    "loader": {"load": ["ui/safe"]},
    "options": {"safeOptions": {"allow": {"URLs": "none", "classes": "safe", "cssIDs": "none", "styles": "none"}}},
    "tex": {"packages": {"[-]": ["html", "require"]}, "autoload": {"html": [], "require": []}},
}

# The categories a post may name in its `category` field.
ppblog_categories = ["Special issue blog series", "Highlights collection", "Blog post"]

# ABlog
blog_title = "Policy & Politics blog"
blog_path = "blog"
blog_feed_fulltext = True
blog_feed_subtitle = "Posts from the blog of the journal Policy & Politics"
blog_feed_archives = False
post_date_format = "%-d %B %Y"
post_date_format_short = "%-d %b %Y"
post_auto_excerpt = 1
post_show_prev_next = False
fontawesome_included = True

# Book layout
html_title = "Policy & Politics blog"
html_theme = "sphinx_book_theme"
# The book has no index entries: an empty general index is not published.
html_use_index = False
html_css_files = ["pp-blog.css", "pp-a11y.css"]
# Search snippets from the post's text rather than the theme's page furniture (see the file).
html_js_files = [
    # Before anything is painted, so a page never shows the other colour mode (see the file).
    ("pp-colour-mode.js", {"priority": 100}),
    ("pp-search.js", {"defer": "defer"}),
    # The number of search results, announced to screen readers (see the file).
    ("pp-search-status.js", {"defer": "defer"}),
    # Focus goes back to the search button when the search dialog closes (see the file).
    ("pp-a11y.js", {"defer": "defer"}),
]
html_search_scorer = "_static/pp-search-scorer.js"
# The index and the query fold accents ("Jukic" finds "Jukić"): pp_blog's search language.
html_search_language = "en-folded"
html_theme_options = {
    "home_page_in_toc": True,
    "show_navbar_depth": 1,
    "use_download_button": False,
    "use_fullscreen_button": False,
    "show_toc_level": 2,
    # Not the theme's Read the Docs advertising slot at the foot of the sidebar.
    "primary_sidebar_end": [],
}
# The book's navigation, bounded whatever the archive's size: it replaces the theme's
# sbt-sidebar-nav.html, which renders the whole archive into every page (navigation.py). The
# recent posts and the archive counts are on the front page and the archive pages, not on every
# page, so that adding a post rewrites only the pages that show it.
# No search field here: the theme's header has one on every page.
html_sidebars = {
    "**": [
        "navbar-logo.html",
        "ppblog/sidebar-nav.html",
    ],
}

# Social cards (sphinxext-opengraph): one image for the site, none generated per page.
ogp_image = "_static/pp-blog-card.png"
ogp_image_alt = "Policy & Politics: the journal's blog"
ogp_social_cards = {"enable": False}
# sphinx-sitemap: addresses as published, without a language or version folder.
sitemap_url_scheme = "{link}"
sitemap_excludes = ["search.html", "genindex.html"]

# Print: `make pdf` (see docs/printing.md). The whole book is listed here; the pp_blog
# extension adds one edition per collection declared in posts/<slug>/index.md.
latex_engine = "xelatex"
# Titles and authors here are LaTeX: `&` is written `\&`.
latex_documents = [
    ("index", "policy-and-politics-blog.tex", r"Policy \& Politics blog", r"Policy \& Politics", "manual"),
]
# Collections are parts and posts chapters; only parts are numbered.
latex_toplevel_sectioning = "part"
latex_elements = {
    "papersize": "a4paper",
    # Handouts: no blank pages to make chapters start on the right.
    "classoptions": ",openany,oneside",
    "secnumdepth": r"\setcounter{secnumdepth}{-1}",
    # Post titles as their authors wrote them, not in the capitals of Sphinx's chapter style.
    "fncychap": "",
}
# A printed link must show where it goes.
latex_show_urls = "footnote"
latex_domain_indices = False
