# Only what the tables need: the book's print shape (parts, link notes, excerpts) is tested
# with test-footnotes and test-pdf-editions.
extensions = ["pp_blog"]
include_patterns = ["index.md", "posts/**"]
ppblog_categories = ["Highlights collection"]
html_baseurl = "https://example.org/"
latex_engine = "xelatex"
