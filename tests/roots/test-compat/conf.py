# The book theme with ABlog and our extension, as the real site has them: for the seams to
# upstream code (tests/sphinx/test_compat.py).
extensions = ["pp_blog", "sphinx_book_theme"]
html_theme = "sphinx_book_theme"
include_patterns = ["index.md", "posts/**"]
ppblog_categories = ["Special issue blog series"]
ppblog_build_date = "2022-01-01"
blog_baseurl = "https://example.org/"
blog_title = "Test blog"
blog_path = "blog"
html_sidebars = {
    "**": [
        "navbar-logo.html",
        "search-button-field.html",
        "ppblog/sidebar-nav.html",
    ],
}
