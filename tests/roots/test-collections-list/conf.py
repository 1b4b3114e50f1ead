extensions = ["pp_blog"]
html_theme = "basic"
include_patterns = ["index.md", "posts/**"]
ppblog_categories = ["Special issue blog series", "Highlights collection"]
html_baseurl = "https://example.org/"
blog_title = "Test blog"
