extensions = ["pp_blog"]
include_patterns = ["index.md", "docs/**", "posts/**"]
myst_title_to_header = True
myst_enable_extensions = ["colon_fence", "deflist", "smartquotes"]
ppblog_categories = ["Special issue blog series", "Highlights collection"]
ppblog_build_date = "2022-01-01"
html_baseurl = "https://example.org/"
blog_path = "blog"
blog_title = "Print test blog"
latex_engine = "xelatex"
# Only the whole book is listed: each collection's edition comes from its declaration.
latex_documents = [("index", "print-test.tex", r"Trust \& climate blog", r"Editors \& co", "manual")]
latex_toplevel_sectioning = "part"
latex_show_urls = "footnote"
