extensions = ["pp_blog"]
html_theme = "basic"
include_patterns = ["index.md", "docs/**", "posts/**"]
ppblog_categories = ["Special issue blog series", "Highlights collection"]
ppblog_build_date = "2022-01-01"
html_baseurl = "https://example.org/"
blog_title = "Search test blog"
html_use_index = False
# The book's own search: folded language, scorer and no-results message (the repository's _static).
html_search_language = "en-folded"
html_search_scorer = "../../../_static/pp-search-scorer.js"
html_static_path = ["../../../_static"]
html_js_files = [("pp-search.js", {"defer": "defer"})]
