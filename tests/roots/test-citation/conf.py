extensions = ["sphinx_sitemap", "pp_blog"]
html_theme = "basic"
include_patterns = ["index.md", "posts/**"]
language = "en"
author = "Policy & Politics"
ppblog_categories = ["Special issue blog series", "Highlights collection"]
ppblog_build_date = "2022-01-01"
# Without the trailing slash: the extension adds it.
html_baseurl = "https://example.org/blog"
blog_title = "Test blog"
ppblog_licence = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
ppblog_editions_url = "https://example.org/pdf/"
sitemap_url_scheme = "{link}"
sitemap_excludes = ["search.html", "genindex.html"]
